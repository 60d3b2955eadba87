// vind's search box: search-as-you-type against vind serve's /api/suggest and /api/search, one
// result per document with its best passages, filters by kind and period with counts; and "Zie
// ook" (/api/related) under each section of a /doc/ page.
//
// Include it in any page with an element
//   <div data-vind-search data-endpoint="https://zoek.example.nl" data-links="url"></div>
// data-endpoint: where `vind serve` answers ("" = this site); data-links: "url" links each
// result to its page on the website (url#anchor), "doc" to vind's own copy (/doc/<id>#anchor).
// An element <main data-vind-related="ID" data-endpoint="…"> (vind's /doc/ pages) gets "Zie ook"
// under each of its <section id="anchor">s.
// It reads only the fields searcher/json_output.h documents. Plain script, no build step.
(function () {
  'use strict';

  var DEBOUNCE_MS = 150;
  var PAGE_SIZE = 10;
  var MAX_LIMIT = 50;  // the most /api/search gives at once (server/api_request.h)
  var MAX_PAGES = 50;
  var MAX_SUGGESTIONS = 6;
  var RELATED = 5;
  var KIND_NAMES = { faq: 'FAQ', kamervragen: 'Kamervragen', handelingen: 'Handelingen', rechtspraak: 'Rechtspraak',
    wet: 'Wetten en regelingen', html: "Webpagina's" };
  var MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
    'november', 'december'];
  var instances = 0;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Read by a screen reader, not shown: what a visible label leaves to its surroundings. It is
  // a word of its own: browsers put a space before it in the element's name.
  function hiddenText(text) {
    return el('span', { 'class': 'vind-sr' }, ' ' + text);
  }

  // The server escapes snippets and adds only <mark>; rebuilding them from text nodes keeps the
  // page safe even if that ever failed. DOMParser documents are inert: no script runs, no image
  // loads. Each piece is parsed inside a <p>: before <body> the parser drops blanks, and the space
  // in "<mark>losgeld</mark> <mark>betaald</mark>" with them. marks false: the text alone.
  function appendSnippet(parent, html, marks) {
    var parts = String(html).split(/(<mark>|<\/mark>)/);
    var marked = false;
    parts.forEach(function (part) {
      if (part === '<mark>') { marked = true; return; }
      if (part === '</mark>') { marked = false; return; }
      if (!part) return;
      var text = new DOMParser().parseFromString('<p>' + part, 'text/html').body.textContent;
      parent.appendChild(marked && marks !== false ? el('mark', {}, text) : document.createTextNode(text));
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

  // A passage's place on vind's own /doc/ page of its document.
  function documentHref(endpoint, document, anchor) {
    return endpoint + '/doc/' + encodeURIComponent(document) + (anchor ? '#' + encodeURIComponent(anchor) : '');
  }

  // "2025-02-30" is no day: what the API would refuse with a 400 is no filter.
  function isDay(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return false;
    var day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return day.getUTCFullYear() === Number(m[1]) && day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]);
  }

  function formatDate(iso) {
    if (!isDay(iso)) return '';
    var m = iso.split('-');
    return Number(m[2]) + ' ' + MONTHS[Number(m[1]) - 1] + ' ' + m[0];
  }

  function kindName(kind) {
    return KIND_NAMES[kind] || kind;
  }

  // "2025" when the period is that whole year, else "".
  function wholeYear(from, to) {
    var m = /^(\d{4})-01-01$/.exec(from || '');
    return m && to === m[1] + '-12-31' ? m[1] : '';
  }

  // The filters in the address: soort=faq,kamervragen; jaar=2025, or van= and tot= (ISO dates).
  function filtersOf(params) {
    var kinds = (params.get('soort') || '').split(',').filter(function (kind) { return /^[a-z-]{1,32}$/.test(kind); });
    var year = /^\d{4}$/.test(params.get('jaar') || '') ? params.get('jaar') : '';
    var from = year ? year + '-01-01' : params.get('van') || '';
    var to = year ? year + '-12-31' : params.get('tot') || '';
    return { kinds: kinds, from: isDay(from) ? from : '', to: isDay(to) ? to : '' };
  }

  function hasFilters(filters) {
    return filters.kinds.length > 0 || !!filters.from || !!filters.to;
  }

  // For the status line: ", soort FAQ of Kamervragen, uit 2025".
  function describeFilters(filters) {
    var parts = [];
    if (filters.kinds.length) parts.push('soort ' + filters.kinds.map(kindName).join(' of '));
    var year = wholeYear(filters.from, filters.to);
    if (year) parts.push('uit ' + year);
    else if (filters.from && filters.to) parts.push('van ' + formatDate(filters.from) + ' tot en met ' + formatDate(filters.to));
    else if (filters.from) parts.push('vanaf ' + formatDate(filters.from));
    else if (filters.to) parts.push('tot en met ' + formatDate(filters.to));
    return parts.length ? ', ' + parts.join(', ') : '';
  }

  // "FAQ – Hack bij Clinical Diagnostics · 13 oktober 2025": the document a passage is in, by its
  // short title ("Antwoord van staatssecretaris Tielen", not the header's three lines); none when
  // that is "" (a one-question page, whose heading is its title) and there is no date either.
  function titleLine(hit) {
    var text = hit.short_title !== undefined ? hit.short_title : hit.title;
    var date = formatDate(hit.date);
    if (!text && !date) return null;
    var title = el('p', { 'class': 'vind-result-title' }, text);
    if (date) title.appendChild(el('time', { datetime: hit.date }, (text ? ' · ' : '') + date));
    return title;
  }

  // One passage: its heading as the link, its snippet, and where else the same text is.
  function passageItem(hit, href, copyHref, marks) {
    var item = el('li', { 'class': 'vind-passage' });
    var heading = el(href ? 'a' : 'span', { 'class': 'vind-result-link' }, hit.short_section || hit.section || hit.title);
    if (href) heading.setAttribute('href', href);
    var snippet = el('p', { 'class': 'vind-snippet' });
    appendSnippet(snippet, hit.snippet, marks);
    item.appendChild(heading);
    item.appendChild(snippet);
    appendCopies(item, hit.copies || [], copyHref);
    return item;
  }

  // The same text on other pages is one result; its other places are named, not repeated.
  function appendCopies(item, copies, copyHref) {
    var links = copies.map(function (copy) {
      var href = copyHref(copy);
      return href ? el('a', { href: href, 'class': 'vind-copy' }, copy.document) : null;
    }).filter(Boolean);
    if (!links.length) return;
    var line = el('p', { 'class': 'vind-copies' }, 'Ook op: ');
    links.forEach(function (link, i) {
      if (i) line.appendChild(document.createTextNode(', '));
      line.appendChild(link);
    });
    item.appendChild(line);
  }

  function getJson(url, signal) {
    return fetch(url, { signal: signal }).then(function (response) {
      if (!response.ok) {
        var failed = new Error('HTTP ' + response.status);
        failed.status = response.status;
        throw failed;
      }
      return response.json();
    });
  }

  function queryString(params) {
    return Object.keys(params).filter(function (k) { return params[k] !== '' && params[k] !== undefined; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
  }

  function SearchBox(root) {
    var id = 'vind-' + (++instances);
    this.id = id;
    this.root = root;
    this.endpoint = (root.getAttribute('data-endpoint') || '').replace(/\/+$/, '');
    this.links = root.getAttribute('data-links') === 'doc' ? 'doc' : 'url';
    this.pending = null;
    this.timer = null;
    this.active = -1;
    this.suggestions = [];
    this.filters = { kinds: [], from: '', to: '' };

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
    var body = el('div', { 'class': 'vind-body' });
    var main = el('div', { 'class': 'vind-main' });
    main.appendChild(this.results);
    main.appendChild(this.more);
    body.appendChild(this.makeFilters());
    body.appendChild(main);
    root.appendChild(form);
    root.appendChild(this.status);
    root.appendChild(body);
    this.shown = { query: '', count: 0, total: 0, filters: this.filters };

    var self = this;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      // The as-you-type search still pending would replace this one with its prefix search.
      clearTimeout(self.timer);
      self.closeSuggestions();
      self.search(false, 1, 'push');
    });
    this.more.addEventListener('click', function () { self.loadMore(); });
    // The query and its filters are in the address: a link to them, Back after following a
    // result, and Back and Forward between queries and filters all show what the address says.
    window.addEventListener('popstate', function () { self.fromAddress(); });
    this.input.addEventListener('input', function () { self.schedule(); });
    this.input.addEventListener('keydown', function (event) { self.onInputKey(event); });
    this.results.addEventListener('keydown', function (event) { self.onResultKey(event); });
    this.input.addEventListener('blur', function () {
      // Later than a click on a suggestion, which must still land.
      setTimeout(function () { self.closeSuggestions(); }, 150);
    });
  }

  // The filters beside the results: kinds as checkboxes, the year as a list, any period in a
  // disclosure; each with the count of passages it would leave (filled in by showFilters).
  SearchBox.prototype.makeFilters = function () {
    var self = this;
    var id = this.id;
    this.filterBox = el('div', { 'class': 'vind-filters', role: 'group', 'aria-labelledby': id + '-filters' });
    this.filterBox.hidden = true;
    this.filterBox.appendChild(el('p', { id: id + '-filters', 'class': 'vind-filters-heading' }, 'Filters'));
    var kinds = el('fieldset', { 'class': 'vind-filter' });
    kinds.appendChild(el('legend', {}, 'Soort'));
    this.kindOptions = el('div', { 'class': 'vind-options' });
    kinds.appendChild(this.kindOptions);
    kinds.addEventListener('change', function () {
      var boxes = self.kindOptions.querySelectorAll('input');
      self.filters = Object.assign({}, self.filters, {
        kinds: Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; })
      });
      self.filtersChanged();
    });

    var period = el('fieldset', { 'class': 'vind-filter' });
    period.appendChild(el('legend', {}, 'Periode'));
    this.year = el('select', { id: id + '-jaar', 'class': 'vind-year' });
    period.appendChild(el('label', { 'for': id + '-jaar', 'class': 'vind-field-label' }, 'Jaar'));
    period.appendChild(this.year);
    this.year.addEventListener('change', function () {
      var year = self.year.value;
      if (year === 'eigen') return;
      self.filters = Object.assign({}, self.filters, { from: year ? year + '-01-01' : '', to: year ? year + '-12-31' : '' });
      self.filtersChanged();
    });
    this.period = el('details', { 'class': 'vind-period' });
    this.period.appendChild(el('summary', {}, 'Eigen periode'));
    this.from = el('input', { id: id + '-van', type: 'date', 'class': 'vind-date' });
    this.to = el('input', { id: id + '-tot', type: 'date', 'class': 'vind-date' });
    this.period.appendChild(el('label', { 'for': id + '-van', 'class': 'vind-field-label' }, 'Van'));
    this.period.appendChild(this.from);
    this.period.appendChild(el('label', { 'for': id + '-tot', 'class': 'vind-field-label' }, 'Tot en met'));
    this.period.appendChild(this.to);
    period.appendChild(this.period);
    [this.from, this.to].forEach(function (field) {
      field.addEventListener('change', function () {
        self.filters = Object.assign({}, self.filters, { from: isDay(self.from.value) ? self.from.value : '',
          to: isDay(self.to.value) ? self.to.value : '' });
        self.filtersChanged();
      });
    });

    this.filterNote = el('p', { 'class': 'vind-filter-note' });
    this.clear = el('button', { type: 'button', 'class': 'vind-clear' }, 'Filters wissen');
    this.clear.addEventListener('click', function () {
      self.filters = { kinds: [], from: '', to: '' };
      self.filtersChanged();
      self.input.focus();
    });
    this.filterBox.appendChild(kinds);
    this.filterBox.appendChild(period);
    this.filterBox.appendChild(this.filterNote);
    this.filterBox.appendChild(this.clear);
    return this.filterBox;
  };

  // A filter chosen is a step of its own: Back undoes it.
  SearchBox.prototype.filtersChanged = function () {
    this.showFilterValues();
    this.search(!!this.shown.partial, 1, 'push');
  };

  // The controls as this.filters says, for a filter restored from the address.
  SearchBox.prototype.showFilterValues = function () {
    var filters = this.filters;
    Array.prototype.forEach.call(this.kindOptions.querySelectorAll('input'), function (box) {
      box.checked = filters.kinds.indexOf(box.value) >= 0;
    });
    this.from.value = filters.from;
    this.to.value = filters.to;
    var custom = (filters.from || filters.to) && !wholeYear(filters.from, filters.to);
    if (custom) this.period.open = true;
    this.clear.hidden = !hasFilters(filters);
  };

  // Counts: kinds and years as the API gives them, each taken without its own filter, so that
  // choosing FAQ still offers Kamervragen with its count. Focus stays on the control it was on.
  SearchBox.prototype.showFilters = function (kinds, years, facets) {
    var self = this;
    var filters = this.filters;
    var focused = document.activeElement;
    var focusedKind = focused && focused.parentNode && focused.parentNode.parentNode === this.kindOptions ? focused.value : null;
    kinds = kinds.slice();
    filters.kinds.forEach(function (kind) {
      if (!kinds.some(function (k) { return k.value === kind; })) kinds.push({ value: kind, count: 0 });
    });
    this.kindOptions.replaceChildren();
    kinds.forEach(function (k) {
      var label = el('label', { 'class': 'vind-option' });
      var box = el('input', { type: 'checkbox', value: k.value });
      box.checked = filters.kinds.indexOf(k.value) >= 0;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + kindName(k.value) + ' '));
      label.appendChild(el('span', { 'class': 'vind-count' }, '(' + k.count + ')'));
      self.kindOptions.appendChild(label);
      if (k.value === focusedKind) box.focus();
    });

    var year = wholeYear(filters.from, filters.to);
    years = years.slice();
    if (year && !years.some(function (y) { return y.value === year; })) years.push({ value: year, count: 0 });
    years.sort(function (a, b) { return b.value.localeCompare(a.value); });
    this.year.replaceChildren(el('option', { value: '' }, 'Alle jaren'));
    years.forEach(function (y) { self.year.appendChild(el('option', { value: y.value }, y.value + ' (' + y.count + ')')); });
    if ((filters.from || filters.to) && !year) this.year.appendChild(el('option', { value: 'eigen' }, 'Eigen periode'));
    this.year.value = year || (filters.from || filters.to ? 'eigen' : '');

    this.filterNote.textContent = facets && !facets.exact
      ? 'Tussen haakjes: passages, geteld over de beste ' + facets.counted + '.'
      : 'Tussen haakjes: het aantal passages.';
    this.showFilterValues();
    this.filterBox.hidden = !kinds.length && !years.length && !hasFilters(filters);
  };

  // The API's parameters for a query, its filters and what else is asked.
  SearchBox.prototype.searchParams = function (text, partial, filters, extra) {
    return Object.assign({ q: text, partial: partial ? 'true' : 'false', group: 'document',
      kind: filters.kinds.join(','), from: filters.from, to: filters.to }, extra);
  };

  SearchBox.prototype.api = function (path, params) {
    return getJson(this.endpoint + path + '?' + queryString(params), this.pending.signal);
  };

  // /api/search gives at most MAX_LIMIT at once: a link to pagina=8 asks for them in turns.
  SearchBox.prototype.searchPages = function (params, count) {
    var self = this;
    function rest(body) {
      var have = body.results.length;
      if (have >= count || have >= body.total) return body;
      return self.api('/api/search', Object.assign({}, params, { facets: 'false', offset: have,
        limit: Math.min(MAX_LIMIT, count - have) }))
        .then(function (next) {
          if (!next.results.length) return body;
          body.results = body.results.concat(next.results);
          return rest(body);
        });
    }
    return this.api('/api/search', Object.assign({}, params, { limit: Math.min(MAX_LIMIT, count) })).then(rest);
  };

  SearchBox.prototype.fromAddress = function () {
    var params = new URLSearchParams(window.location.search);
    var q = params.get('q') || '';
    var pages = Math.max(1, Math.min(MAX_PAGES, parseInt(params.get('pagina'), 10) || 1));
    this.input.value = q;
    this.filters = filtersOf(params);
    this.showFilterValues();
    this.closeSuggestions();
    this.search(false, pages, 'none');
  };

  // history: 'push' a new entry (a query sent with Enter, a filter chosen), 'replace' this one
  // (typing, more results) or 'none' (the address already says it).
  SearchBox.prototype.remember = function (text, pages, history) {
    if (history === 'none') return;
    var url = new URL(window.location.href);
    var filters = this.filters;
    var year = wholeYear(filters.from, filters.to);
    var values = { q: text.trim() ? text : '', pagina: pages > 1 ? String(pages) : '', soort: filters.kinds.join(','),
      jaar: year, van: year ? '' : filters.from, tot: year ? '' : filters.to };
    Object.keys(values).forEach(function (name) {
      if (values[name]) url.searchParams.set(name, values[name]); else url.searchParams.delete(name);
    });
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
    var filters = this.filters;
    pages = pages || 1;
    if (this.pending) this.pending.abort();
    this.pending = new AbortController();
    this.remember(text, pages, history || 'replace');
    if (!text.trim()) {
      this.closeSuggestions();
      this.results.replaceChildren();
      this.more.hidden = true;
      this.filterBox.hidden = true;
      this.status.textContent = '';
      return;
    }
    if (filters.from && filters.to && filters.from > filters.to) {
      this.results.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = 'De periode klopt niet: „van” ligt na „tot en met”.';
      return;
    }
    var self = this;
    // An answer that was in before a newer search aborted this one is stale all the same: under
    // load "q"'s "Geen resultaten" came after, and replaced, the answer to the whole query.
    var signal = this.pending.signal;
    if (partial && document.activeElement === this.input) {
      this.api('/api/suggest', { q: text, limit: MAX_SUGGESTIONS })
        .then(function (body) { if (!signal.aborted) self.showSuggestions(body.suggestions, text); })
        .catch(function () { self.closeSuggestions(); });
    }
    var asked = [this.searchPages(this.searchParams(text, partial, filters, { facets: 'true' }), PAGE_SIZE * pages)];
    var counts = { facets: 'true', limit: 1 };
    asked.push(filters.kinds.length
      ? this.api('/api/search', this.searchParams(text, partial, Object.assign({}, filters, { kinds: [] }), counts)) : null);
    asked.push(filters.from || filters.to
      ? this.api('/api/search', this.searchParams(text, partial, Object.assign({}, filters, { from: '', to: '' }), counts)) : null);
    Promise.all(asked)
      .then(function (answers) {
        if (signal.aborted) return;
        var body = answers[0];
        self.showResults(body, partial, filters);
        self.showFilters((answers[1] || body).facets.kind, (answers[2] || body).facets.year, body.facets);
      })
      .catch(function (error) {
        if (error.name === 'AbortError' || signal.aborted) return;
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
    var signal = this.pending.signal;
    this.api('/api/search', this.searchParams(shown.query, shown.partial, shown.filters, { offset: shown.count, limit: PAGE_SIZE }))
      .then(function (body) {
        if (signal.aborted) return;
        var first = self.results.children.length;
        body.results.forEach(function (hit) { self.appendResult(hit); });
        shown.count += body.results.length;
        shown.total = body.total;
        self.more.hidden = !body.results.length || shown.count >= shown.total;
        self.status.textContent = 'Resultaat ' + (first + 1) + ' tot en met ' + shown.count + ' van ' +
          shown.total + ' voor „' + (body.corrected || body.query) + '”' + describeFilters(shown.filters) + '.';
        self.remember(self.input.value, Math.ceil(shown.count / PAGE_SIZE), 'replace');
        var link = self.results.children[first] && self.results.children[first].querySelector('a.vind-result-link');
        if (link) link.focus();
      })
      .catch(function (error) {
        if (error.name === 'AbortError' || signal.aborted) return;
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
    if (this.links === 'doc') return documentHref(this.endpoint, hit.document, hit.anchor);
    return safeHref(hit.url);
  };

  // Shards that did not answer (README: Sharded indexes): the results are the others' alone.
  SearchBox.prototype.notePartial = function (body) {
    if (!body.partial) return;
    this.status.appendChild(document.createTextNode(
      ' Niet alle delen van de index antwoordden; er kunnen resultaten ontbreken.'));
  };

  SearchBox.prototype.showResults = function (body, partial, filters) {
    var self = this;
    this.results.replaceChildren();
    this.status.replaceChildren();
    this.shown = { query: body.query, partial: partial, count: body.results.length, total: body.total, filters: filters };
    this.more.hidden = body.results.length >= body.total || !body.results.length;
    var narrowed = describeFilters(filters);
    if (!body.results.length) {
      this.status.appendChild(document.createTextNode('Geen resultaten voor „' + body.query + '”' + narrowed + '.'));
      if (body.corrected) this.offerCorrection(body.corrected, 'Bedoelde u ');
      this.notePartial(body);
      return;
    }
    var count = body.total === 1 ? '1 resultaat' : body.total + ' resultaten';
    // The server searched the corrected words already; say so rather than offer them.
    var searched = body.corrected ? '„' + body.corrected + '” (u typte „' + body.query + '”)' : '„' + body.query + '”';
    this.status.textContent = count + ' voor ' + searched + narrowed + '.';
    this.notePartial(body);
    body.results.forEach(function (hit) { self.appendResult(hit); });
  };

  // A document: its title, its best passages (the API's, by score) and "Meer uit dit document"
  // when more of its passages match.
  SearchBox.prototype.appendResult = function (hit) {
    var self = this;
    var item = el('li', { 'class': 'vind-result' });
    var passages = el('ul', { 'class': 'vind-passages' });
    var shown = [hit].concat(hit.more || []);
    var copyHref = function (copy) { return self.resultHref(copy); };
    shown.forEach(function (passage) {
      var inDocument = Object.assign({ document: hit.document, title: hit.title }, passage);
      passages.appendChild(passageItem(inDocument, self.resultHref(inDocument), copyHref));
    });
    var line = titleLine(hit);
    if (line) item.appendChild(line);
    item.appendChild(passages);
    var left = (hit.matches_in_document || shown.length) - shown.length;
    if (left > 0) {
      var more = el('button', { type: 'button', 'class': 'vind-expand' });
      this.expandLabel(more, left, hit.title);
      var anchors = shown.map(function (p) { return p.anchor; });
      more.addEventListener('click', function () { self.expand(hit, passages, anchors, more); });
      item.appendChild(more);
    }
    this.results.appendChild(item);
  };

  SearchBox.prototype.expandLabel = function (button, left, title) {
    button.replaceChildren(document.createTextNode('Meer uit dit document (nog ' + left + ')'),
      hiddenText('„' + title + '”'));
  };

  // The rest of the document's matching passages, ranked as in the search, MAX_LIMIT at a time;
  // focus goes to the first that came and the status says how many.
  SearchBox.prototype.expand = function (hit, list, anchors, button) {
    var self = this;
    var shown = this.shown;
    if (button.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-busy', 'true');
    var offset = Number(button.getAttribute('data-offset') || 0);
    this.api('/api/search', this.searchParams(shown.query, shown.partial, { kinds: [], from: '', to: '' },
      { group: 'passage', document: hit.document, offset: offset, limit: MAX_LIMIT }))
      .then(function (body) {
        button.removeAttribute('aria-busy');
        var added = body.results.filter(function (passage) { return anchors.indexOf(passage.anchor) < 0; });
        added.forEach(function (passage) {
          anchors.push(passage.anchor);
          list.appendChild(passageItem(passage, self.resultHref(passage), function (copy) { return self.resultHref(copy); }));
        });
        offset += body.results.length;
        button.setAttribute('data-offset', String(offset));
        var left = body.results.length ? body.total - offset : 0;
        self.status.textContent = (added.length === 1 ? '1 passage' : added.length + ' passages') + ' meer uit „' +
          hit.title + '”' + (left > 0 ? '; er zijn er nog ' + left + '.' : '.');
        var first = added.length ? list.children[list.children.length - added.length].querySelector('a') : null;
        if (left > 0) self.expandLabel(button, left, hit.title); else button.remove();
        if (first) first.focus();
      })
      .catch(function (error) {
        button.removeAttribute('aria-busy');
        if (error.name === 'AbortError') return;
        self.status.textContent = 'Meer uit dit document laden lukte niet; probeer het opnieuw.';
      });
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

  // "Zie ook" under each section of a document page: the passages most like it in other documents
  // (/api/related), loaded when opened; the section linked to opens by itself.
  function RelatedPassages(root) {
    var self = this;
    this.endpoint = (root.getAttribute('data-endpoint') || '').replace(/\/+$/, '');
    this.document = root.getAttribute('data-vind-related');
    this.status = el('p', { 'class': 'vind-sr', role: 'status', 'aria-live': 'polite' });
    root.appendChild(this.status);
    this.panels = {};
    Array.prototype.forEach.call(root.querySelectorAll('section[id]'), function (section, i) {
      self.panels[section.id] = self.addPanel(section, 'vind-zie-ook-' + (i + 1));
    });
    window.addEventListener('hashchange', function () { self.openTarget(); });
    this.openTarget();
  }

  RelatedPassages.prototype.addPanel = function (section, id) {
    var self = this;
    var heading = section.querySelector('h2');
    var name = heading ? heading.textContent : section.id;
    var box = el('div', { 'class': 'vind-related' });
    var toggle = el('button', { type: 'button', 'class': 'vind-related-toggle', 'aria-expanded': 'false', 'aria-controls': id });
    toggle.appendChild(document.createTextNode('Zie ook'));
    toggle.appendChild(hiddenText('bij „' + name + '”'));
    var panel = el('div', { id: id, 'class': 'vind-related-panel' });
    panel.hidden = true;
    box.appendChild(toggle);
    box.appendChild(panel);
    section.appendChild(box);
    var state = { section: section, anchor: section.id, name: name, toggle: toggle, panel: panel, loaded: false };
    toggle.addEventListener('click', function () { self.show(state, toggle.getAttribute('aria-expanded') !== 'true'); });
    return state;
  };

  RelatedPassages.prototype.openTarget = function () {
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    if (this.panels[anchor]) this.show(this.panels[anchor], true);
  };

  RelatedPassages.prototype.show = function (state, open) {
    state.toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    state.panel.hidden = !open;
    if (open && !state.loaded) this.load(state);
  };

  RelatedPassages.prototype.load = function (state) {
    var self = this;
    state.loaded = true;
    state.panel.replaceChildren(el('p', { 'class': 'vind-related-note' }, 'Verwante passages laden…'));
    getJson(this.endpoint + '/api/related?' + queryString({ document: this.document, anchor: state.anchor, limit: RELATED }))
      .then(function (body) {
        state.panel.replaceChildren();
        if (!body.results.length) {
          state.panel.appendChild(el('p', { 'class': 'vind-related-note' }, 'Geen verwante passages in andere documenten.'));
          self.status.textContent = 'Geen verwante passages bij „' + state.name + '”.';
          return;
        }
        var list = el('ul', { 'class': 'vind-passages', 'aria-label': 'Zie ook bij „' + state.name + '”' });
        body.results.forEach(function (hit) {
          var href = function (h) { return documentHref(self.endpoint, h.document, h.anchor); };
          // The stems that made the query are no words the reader looked for: no marks.
          var item = passageItem(hit, href(hit), href, false);
          var line = titleLine(hit);
          if (line) item.insertBefore(line, item.querySelector('.vind-snippet'));
          list.appendChild(item);
        });
        state.panel.appendChild(list);
        self.status.textContent = (body.results.length === 1 ? '1 verwante passage' : body.results.length +
          ' verwante passages') + ' bij „' + state.name + '”.';
      })
      .catch(function (error) {
        state.loaded = false;
        state.panel.replaceChildren(el('p', { 'class': 'vind-related-note' }, error.status
          ? 'Verwante passages laden lukte niet (fout ' + error.status + ').'
          : 'De zoekdienst is nu niet bereikbaar.'));
        var retry = el('button', { type: 'button', 'class': 'vind-correction' }, 'Opnieuw proberen');
        retry.addEventListener('click', function () { self.load(state); });
        state.panel.appendChild(retry);
      });
  };

  function start() {
    var roots = document.querySelectorAll('[data-vind-search]');
    for (var i = 0; i < roots.length; i++) {
      var box = new SearchBox(roots[i]);
      if (new URLSearchParams(window.location.search).get('q')) box.fromAddress();
    }
    var documents = document.querySelectorAll('[data-vind-related]');
    for (var j = 0; j < documents.length; j++) new RelatedPassages(documents[j]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
