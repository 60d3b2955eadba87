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
  // page safe even if that ever failed. DOMParser documents are inert: no script runs, no image
  // loads. Each piece is parsed inside a <p>: before <body> the parser drops blanks, and the space
  // in "<mark>losgeld</mark> <mark>betaald</mark>" with them.
  function appendSnippet(parent, html) {
    var parts = String(html).split(/(<mark>|<\/mark>)/);
    var marked = false;
    parts.forEach(function (part) {
      if (part === '<mark>') { marked = true; return; }
      if (part === '</mark>') { marked = false; return; }
      if (!part) return;
      var text = new DOMParser().parseFromString('<p>' + part, 'text/html').body.textContent;
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
    this.more = el('button', { type: 'button', 'class': 'vind-more' }, 'Meer resultaten');
    this.more.hidden = true;
    root.appendChild(form);
    root.appendChild(this.status);
    root.appendChild(this.results);
    root.appendChild(this.more);
    this.shown = { query: '', count: 0, total: 0 };

    var self = this;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      // The as-you-type search still pending would replace this one with its prefix search.
      clearTimeout(self.timer);
      self.closeSuggestions();
      self.search(false, 1, 'push');
    });
    this.more.addEventListener('click', function () { self.loadMore(); });
    // The query is in the address: a link to it, Back after following a result, and Back and
    // Forward between queries all show what the address says.
    window.addEventListener('popstate', function () { self.fromAddress(); });
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
        if (!response.ok) {
          var failed = new Error('HTTP ' + response.status);
          failed.status = response.status;
          throw failed;
        }
        return response.json();
      });
  };

  SearchBox.prototype.fromAddress = function () {
    var params = new URLSearchParams(window.location.search);
    var q = params.get('q') || '';
    var pages = Math.max(1, Math.min(50, parseInt(params.get('pagina'), 10) || 1));
    this.input.value = q;
    this.closeSuggestions();
    this.search(false, pages, 'none');
  };

  // history: 'push' a new entry (a query sent with Enter), 'replace' this one (typing, more
  // results) or 'none' (the address already says it).
  SearchBox.prototype.remember = function (text, pages, history) {
    if (history === 'none') return;
    var url = new URL(window.location.href);
    if (text.trim()) url.searchParams.set('q', text); else url.searchParams.delete('q');
    if (pages > 1) url.searchParams.set('pagina', String(pages)); else url.searchParams.delete('pagina');
    url.hash = '';
    if (url.href === window.location.href) return;
    if (history === 'push') window.history.pushState(null, '', url.href);
    else window.history.replaceState(null, '', url.href);
  };

  // In Dutch, with a way to try again: a browser's own "Failed to fetch" means nothing here.
  SearchBox.prototype.showError = function (error, retry) {
    this.results.replaceChildren();
    this.more.hidden = true;
    this.status.replaceChildren(document.createTextNode(error.status
      ? 'Zoeken lukte niet (fout ' + error.status + ' van de zoekdienst). '
      : 'De zoekdienst is nu niet bereikbaar. '));
    var button = el('button', { type: 'button', 'class': 'vind-correction' }, 'Opnieuw proberen');
    button.addEventListener('click', retry);
    this.status.appendChild(button);
  };

  SearchBox.prototype.schedule = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.search(true); }, DEBOUNCE_MS);
  };

  // partial: the user is still typing; the last word also counts as a prefix. pages: how many
  // pages of results to show at once (a link with pagina=3). history: as remember() takes it.
  SearchBox.prototype.search = function (partial, pages, history) {
    var text = this.input.value;
    pages = pages || 1;
    if (this.pending) this.pending.abort();
    this.pending = new AbortController();
    this.remember(text, pages, history || 'replace');
    if (!text.trim()) {
      this.closeSuggestions();
      this.results.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = '';
      return;
    }
    var self = this;
    if (partial) {
      this.api('/api/suggest', { q: text, limit: MAX_SUGGESTIONS })
        .then(function (body) { self.showSuggestions(body.suggestions, text); })
        .catch(function () { self.closeSuggestions(); });
    }
    this.api('/api/search', { q: text, limit: PAGE_SIZE * pages, partial: partial ? 'true' : 'false' })
      .then(function (body) { self.showResults(body, partial); })
      .catch(function (error) {
        if (error.name === 'AbortError') return;
        self.showError(error, function () { self.search(partial, pages, 'none'); });
      });
  };

  // The next page below the others; focus goes to its first result, and the status says which
  // results came, for a screen reader that cannot see them appear.
  SearchBox.prototype.loadMore = function () {
    var self = this;
    var shown = this.shown;
    if (this.pending) this.pending.abort();
    this.pending = new AbortController();
    this.api('/api/search', { q: shown.query, offset: shown.count, limit: PAGE_SIZE, partial: shown.partial ? 'true' : 'false' })
      .then(function (body) {
        var first = self.resultLinks().length;
        body.results.forEach(function (hit) { self.appendResult(hit); });
        shown.count += body.results.length;
        shown.total = body.total;
        self.more.hidden = !body.results.length || shown.count >= shown.total;
        self.status.textContent = 'Resultaat ' + (first + 1) + ' tot en met ' + shown.count + ' van ' +
          shown.total + ' voor „' + (body.corrected || body.query) + '”.';
        self.remember(self.input.value, Math.ceil(shown.count / PAGE_SIZE), 'replace');
        var links = self.resultLinks();
        if (links[first]) links[first].focus();
      })
      .catch(function (error) {
        if (error.name === 'AbortError') return;
        self.showError(error, function () { self.search(false, Math.ceil(shown.count / PAGE_SIZE), 'none'); });
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
    clearTimeout(this.timer);
    this.input.value = this.suggestions[index].text + ' ';
    this.closeSuggestions();
    this.search(false, 1, 'push');
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

  SearchBox.prototype.showResults = function (body, partial) {
    var self = this;
    this.results.replaceChildren();
    this.status.replaceChildren();
    this.shown = { query: body.query, partial: partial, count: body.results.length, total: body.total };
    this.more.hidden = body.results.length >= body.total || !body.results.length;
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
    body.results.forEach(function (hit) { self.appendResult(hit); });
  };

  SearchBox.prototype.appendResult = function (hit) {
    var item = el('li', { 'class': 'vind-result' });
    var href = this.resultHref(hit);
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
    this.appendCopies(item, hit.copies || []);
    this.results.appendChild(item);
  };

  // The same text on other pages is one result; its other places are named, not repeated.
  SearchBox.prototype.appendCopies = function (item, copies) {
    var self = this;
    var links = copies.map(function (copy) {
      var href = self.resultHref(copy);
      return href ? el('a', { href: href, 'class': 'vind-copy' }, copy.document) : null;
    }).filter(Boolean);
    if (!links.length) return;
    var line = el('p', { 'class': 'vind-copies' }, 'Ook op: ');
    links.forEach(function (link, i) {
      if (i) line.appendChild(document.createTextNode(', '));
      line.appendChild(link);
    });
    item.appendChild(line);
  };

  SearchBox.prototype.offerCorrection = function (text, lead) {
    var self = this;
    var button = el('button', { type: 'button', 'class': 'vind-correction' }, text);
    button.addEventListener('click', function () {
      self.input.value = text;
      self.search(false, 1, 'push');
      self.input.focus();
    });
    this.status.appendChild(document.createTextNode(' ' + lead));
    this.status.appendChild(button);
    this.status.appendChild(document.createTextNode('?'));
  };

  function start() {
    var roots = document.querySelectorAll('[data-vind-search]');
    for (var i = 0; i < roots.length; i++) {
      var box = new SearchBox(roots[i]);
      if (new URLSearchParams(window.location.search).get('q')) box.fromAddress();
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
