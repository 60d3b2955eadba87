// vind's search box: search-as-you-type against vind serve's /api/suggest and /api/search.
//
// Include it in any page with an element
//   <div data-vind-search data-endpoint="https://zoek.example.nl" data-links="url"></div>
// data-endpoint: where `vind serve` answers ("" = this site); data-links: "url" links each
// result to its page on the website (url#anchor), "doc" to vind's own copy (/doc/<id>#anchor).
// It reads only the fields searcher/json_output.h documents. Plain script, no build step.
(function () {
  'use strict';

  var DEBOUNCE_MS = 150;
  var PAGE_SIZE = 10;
  var MAX_SUGGESTIONS = 6;
  var instances = 0;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The server escapes snippets and adds only <mark>; rebuilding them from text nodes keeps the
  // page safe even if that ever failed. DOMParser documents are inert: no script runs, no image loads.
  function appendSnippet(parent, html) {
    var parts = String(html).split(/(<mark>|<\/mark>)/);
    var marked = false;
    parts.forEach(function (part) {
      if (part === '<mark>') { marked = true; return; }
      if (part === '</mark>') { marked = false; return; }
      if (!part) return;
      var text = new DOMParser().parseFromString(part, 'text/html').documentElement.textContent;
      parent.appendChild(marked ? el('mark', {}, text) : document.createTextNode(text));
    });
  }

  // Only web links: a document URL in the index must never become javascript:.
  function safeHref(href) {
    try {
      var url = new URL(href, window.location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return '';
    var months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
      'september', 'oktober', 'november', 'december'];
    return Number(m[3]) + ' ' + months[Number(m[2]) - 1] + ' ' + m[1];
  }

  function SearchBox(root) {
    var id = 'vind-' + (++instances);
    this.root = root;
    this.endpoint = (root.getAttribute('data-endpoint') || '').replace(/\/+$/, '');
    this.links = root.getAttribute('data-links') === 'doc' ? 'doc' : 'url';
    this.pending = null;
    this.timer = null;
    this.active = -1;
    this.suggestions = [];

    root.classList.add('vind-search');
    var form = el('form', { role: 'search', 'class': 'vind-form', action: '#' });
    var label = el('label', { 'for': id + '-q', 'class': 'vind-label' }, 'Zoeken in de documenten');
    this.input = el('input', {
      id: id + '-q', type: 'search', 'class': 'vind-input', autocomplete: 'off', spellcheck: 'false',
      role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': id + '-suggestions', 'aria-describedby': id + '-help', maxlength: '500',
      placeholder: 'Bijvoorbeeld: losgeld betaald'
    });
    var help = el('p', { id: id + '-help', 'class': 'vind-help' },
      'Pijltjes omhoog en omlaag kiezen een aanvulling of resultaat, Enter opent het, Escape sluit.');
    this.listbox = el('ul', { id: id + '-suggestions', role: 'listbox', 'class': 'vind-suggestions',
      'aria-label': 'Aanvullingen' });
    this.listbox.hidden = true;
    var button = el('button', { type: 'submit', 'class': 'vind-button' }, 'Zoek');
    form.appendChild(label);
    var row = el('div', { 'class': 'vind-row' });
    row.appendChild(this.input);
    row.appendChild(button);
    form.appendChild(row);
    form.appendChild(this.listbox);
    form.appendChild(help);
    this.status = el('p', { 'class': 'vind-status', role: 'status', 'aria-live': 'polite' });
    this.results = el('ol', { 'class': 'vind-results', 'aria-label': 'Zoekresultaten' });
    root.appendChild(form);
    root.appendChild(this.status);
    root.appendChild(this.results);

    var self = this;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      self.closeSuggestions();
      self.search(false);
    });
    this.input.addEventListener('input', function () { self.schedule(); });
    this.input.addEventListener('keydown', function (event) { self.onInputKey(event); });
    this.results.addEventListener('keydown', function (event) { self.onResultKey(event); });
    this.input.addEventListener('blur', function () {
      // Later than a click on a suggestion, which must still land.
      setTimeout(function () { self.closeSuggestions(); }, 150);
    });
  }

  SearchBox.prototype.api = function (path, params) {
    var query = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
    }).join('&');
    return fetch(this.endpoint + path + '?' + query, { signal: this.pending.signal })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + response.status);
          return body;
        });
      });
  };

  SearchBox.prototype.schedule = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.search(true); }, DEBOUNCE_MS);
  };

  // partial: the user is still typing; the last word also counts as a prefix.
  SearchBox.prototype.search = function (partial) {
    var text = this.input.value;
    if (this.pending) this.pending.abort();
    this.pending = new AbortController();
    if (!text.trim()) {
      this.closeSuggestions();
      this.results.replaceChildren();
      this.status.textContent = '';
      return;
    }
    var self = this;
    if (partial) {
      this.api('/api/suggest', { q: text, limit: MAX_SUGGESTIONS })
        .then(function (body) { self.showSuggestions(body.suggestions, text); })
        .catch(function () { self.closeSuggestions(); });
    }
    this.api('/api/search', { q: text, limit: PAGE_SIZE, partial: partial ? 'true' : 'false' })
      .then(function (body) { self.showResults(body); })
      .catch(function (error) {
        if (error.name === 'AbortError') return;
        self.results.replaceChildren();
        self.status.textContent = 'Zoeken lukte niet: ' + error.message;
      });
  };

  SearchBox.prototype.showSuggestions = function (suggestions, typed) {
    var self = this;
    this.suggestions = (suggestions || []).filter(function (s) { return s.text !== typed; });
    this.listbox.replaceChildren();
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.suggestions.forEach(function (s, i) {
      var option = el('li', { id: self.listbox.id + '-' + i, role: 'option', 'aria-selected': 'false',
        'class': 'vind-suggestion' }, s.text);
      option.addEventListener('mousedown', function (event) {
        event.preventDefault();  // keeps focus in the input
        self.pick(i);
      });
      self.listbox.appendChild(option);
    });
    var open = this.suggestions.length > 0 && document.activeElement === this.input;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', open ? 'true' : 'false');
  };

  SearchBox.prototype.closeSuggestions = function () {
    this.listbox.hidden = true;
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  };

  SearchBox.prototype.highlight = function (index) {
    var options = this.listbox.children;
    for (var i = 0; i < options.length; i++) options[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
    this.active = index;
    if (index >= 0) {
      this.input.setAttribute('aria-activedescendant', options[index].id);
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  };

  SearchBox.prototype.pick = function (index) {
    this.input.value = this.suggestions[index].text + ' ';
    this.closeSuggestions();
    this.search(false);
    this.input.focus();
  };

  SearchBox.prototype.resultLinks = function () {
    return Array.prototype.slice.call(this.results.querySelectorAll('a.vind-result-link'));
  };

  SearchBox.prototype.onInputKey = function (event) {
    var open = !this.listbox.hidden;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (open && this.active < this.suggestions.length - 1) return this.highlight(this.active + 1);
      this.closeSuggestions();
      var links = this.resultLinks();
      if (links.length) links[0].focus();
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      this.highlight(Math.max(this.active - 1, -1));
    } else if (event.key === 'Enter' && open && this.active >= 0) {
      event.preventDefault();
      this.pick(this.active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open) return this.closeSuggestions();
      this.input.value = '';
      this.search(false);
    }
  };

  // Results: ↑ ↓ move between their links, ↑ from the first and Escape go back to the box; Enter
  // follows the link (the browser's own behaviour).
  SearchBox.prototype.onResultKey = function (event) {
    var links = this.resultLinks();
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' && at < links.length - 1) {
      event.preventDefault();
      links[at + 1].focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at > 0) links[at - 1].focus(); else this.input.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.input.focus();
    }
  };

  SearchBox.prototype.resultHref = function (hit) {
    if (this.links === 'doc') {
      return this.endpoint + '/doc/' + encodeURIComponent(hit.document) +
        (hit.anchor ? '#' + encodeURIComponent(hit.anchor) : '');
    }
    return safeHref(hit.url);
  };

  // Shards that did not answer (README: Sharded indexes): the results are the others' alone.
  SearchBox.prototype.notePartial = function (body) {
    if (!body.partial) return;
    this.status.appendChild(document.createTextNode(
      ' Niet alle delen van de index antwoordden; er kunnen resultaten ontbreken.'));
  };

  SearchBox.prototype.showResults = function (body) {
    var self = this;
    this.results.replaceChildren();
    this.status.replaceChildren();
    if (!body.results.length) {
      this.status.appendChild(document.createTextNode('Geen resultaten voor „' + body.query + '”.'));
      if (body.corrected) this.offerCorrection(body.corrected, 'Bedoelde u ');
      this.notePartial(body);
      return;
    }
    var count = body.total === 1 ? '1 resultaat' : body.total + ' resultaten';
    // The server searched the corrected words already; say so rather than offer them.
    var searched = body.corrected ? '„' + body.corrected + '” (u typte „' + body.query + '”)' : '„' + body.query + '”';
    this.status.textContent = count + ' voor ' + searched + '.';
    this.notePartial(body);
    body.results.forEach(function (hit) {
      var item = el('li', { 'class': 'vind-result' });
      var href = self.resultHref(hit);
      var heading = el(href ? 'a' : 'span', { 'class': 'vind-result-link' }, hit.section || hit.title);
      if (href) heading.setAttribute('href', href);
      var title = el('p', { 'class': 'vind-result-title' }, hit.title);
      var date = formatDate(hit.date);
      if (date) title.appendChild(el('time', { datetime: hit.date }, ' · ' + date));
      var snippet = el('p', { 'class': 'vind-snippet' });
      appendSnippet(snippet, hit.snippet);
      item.appendChild(heading);
      item.appendChild(title);
      item.appendChild(snippet);
      self.results.appendChild(item);
    });
  };

  SearchBox.prototype.offerCorrection = function (text, lead) {
    var self = this;
    var button = el('button', { type: 'button', 'class': 'vind-correction' }, text);
    button.addEventListener('click', function () {
      self.input.value = text;
      self.search(false);
      self.input.focus();
    });
    this.status.appendChild(document.createTextNode(' ' + lead));
    this.status.appendChild(button);
    this.status.appendChild(document.createTextNode('?'));
  };

  function start() {
    var roots = document.querySelectorAll('[data-vind-search]');
    for (var i = 0; i < roots.length; i++) new SearchBox(roots[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
