// Live page of media-monitor. Polls the JSON API and redraws only what changed.
// Every string from the API is put into the page with textContent or attributes,
// never with innerHTML: article texts are untrusted.
'use strict';

(() => {
  const POLL_MS = 2500;
  const FETCH_TIMEOUT_MS = 5000;
  const MAX_MONTHS = 24;
  const MAX_ALERTS = 30;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  // Relative URLs so the page also works when served under a path prefix.
  const API = {
    health: 'health',
    months: 'api/v1/months',
    month: (m) => 'api/v1/months/' + encodeURIComponent(m),
    incidents: (m) => 'api/v1/months/' + encodeURIComponent(m) + '/incidents',
    alerts: 'api/v1/alerts?since=' + encodeURIComponent('1970-01-01T00:00:00Z'),
    articles: 'api/v1/articles',
  };
  const KINDS = [
    { key: 'criminal', label: 'Criminal' },
    { key: 'civil', label: 'Civil' },
    { key: 'administrative', label: 'Administrative' },
  ];
  const FIGURES = [
    { key: 'criminal', label: 'Criminal charges' },
    { key: 'criminal_in_court', label: '… of which in court or sentenced' },
    { key: 'civil', label: 'Civil lawsuits' },
    { key: 'civil_honor_dignity', label: '… of which honour and dignity' },
    { key: 'administrative', label: 'Administrative cases' },
    { key: 'damages_claimed_kzt', label: 'Damages claimed', money: true },
    { key: 'damages_awarded_kzt', label: 'Damages awarded', money: true },
  ];
  const STAGES = {
    filed: 'filed', in_court: 'in court', verdict: 'verdict', dismissed: 'dismissed', unknown: 'stage unknown',
  };
  const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const MONTH_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  const state = {
    months: [],            // API month objects, ascending
    selected: null,        // 'YYYY-MM' chosen by the user, or null to follow the latest month
    focusMonth: null,      // month holding the chart's roving tabindex
    incidents: new Map(),  // month -> array of incidents
    alerts: [],
    posted: new Set(),     // article ids submitted from this page
    closedEvidence: new Set(), // incident keys whose evidence the user collapsed
    rendered: {},          // last JSON rendered per region, to skip identical redraws
    timer: null,
    ticking: false,
    again: false,
  };

  // ---------- small helpers ----------

  function $(id) { return document.getElementById(id); }

  /** Creates an element; attrs are attributes (or on* listeners); children are nodes or text. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  }

  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  function replaceChildren(node, ...children) {
    while (node.firstChild) node.removeChild(node.firstChild);
    append(node, children);
  }

  function text(v) { return v === null || v === undefined ? '' : String(v); }
  function isNum(v) { return typeof v === 'number' && Number.isFinite(v); }
  function arr(v) { return Array.isArray(v) ? v : []; }
  function obj(v) { return v && typeof v === 'object' && !Array.isArray(v) ? v : null; }

  function groupDigits(n) {
    const neg = n < 0;
    const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    return (neg ? '−' : '') + s;
  }

  /** 1190000 -> "1 190 000 ₸" (plain spaces; CSS keeps it on one line). */
  function tenge(n) { return isNum(n) ? groupDigits(n) + ' ₸' : '—'; }
  function count(n) { return isNum(n) ? groupDigits(n) : '—'; }
  function fmtFigure(v, money) { return money ? tenge(v) : count(v); }

  function validMonth(m) { return typeof m === 'string' && /^\d{4}-\d{2}$/.test(m); }
  function monthIndex(m) { return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1; }
  function monthFromIndex(i) {
    const y = Math.floor(i / 12);
    const mo = (i % 12) + 1;
    return String(y).padStart(4, '0') + '-' + String(mo).padStart(2, '0');
  }
  function monthLong(m) {
    return validMonth(m) ? MONTH_LONG[Number(m.slice(5, 7)) - 1] + ' ' + m.slice(0, 4) : text(m);
  }
  function humanize(code) { return text(code).replace(/[_:]+/g, ' ').trim(); }

  function safeHttpUrl(u) {
    if (typeof u !== 'string' || !u) return null;
    try {
      const url = new URL(u, location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function fmtP(p) {
    if (!isNum(p)) return '—';
    if (p < 0.001) return '< 0.001';
    return p.toPrecision(2);
  }

  function fmtTime(d) {
    const pad = (n) => String(n).padStart(2, '0');
    return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  /** Redraws a region only when its data changed, so focus, scroll and open details survive polling. */
  function changed(region, data) {
    const json = JSON.stringify(data);
    if (state.rendered[region] === json) return false;
    state.rendered[region] = json;
    return true;
  }

  async function getJson(url) {
    const ctl = new AbortController();
    const t = setTimeout(() => ctl.abort(), FETCH_TIMEOUT_MS);
    try {
      const res = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store', signal: ctl.signal });
      let body = null;
      try { body = await res.json(); } catch (e) { body = null; }
      return { ok: res.ok, status: res.status, body };
    } finally {
      clearTimeout(t);
    }
  }

  function errorText(r) {
    const b = obj(r && r.body);
    return b && typeof b.error === 'string' ? b.error : 'HTTP ' + (r ? r.status : '?');
  }

  // ---------- month selection ----------

  function latestMonth() {
    return state.months.length ? state.months[state.months.length - 1].month : null;
  }

  function shownMonth() { return state.selected || latestMonth(); }

  function monthData(m) { return state.months.find((x) => x.month === m) || null; }

  function selectMonth(m, opts) {
    const latest = latestMonth();
    state.selected = m && m !== latest ? m : null;
    if (m) state.focusMonth = m;
    // Keep the choice in the address so a month can be bookmarked or shared.
    try {
      history.replaceState(null, '', state.selected ? '?month=' + state.selected : location.pathname);
    } catch (e) { /* file:// or sandboxed: the address just does not follow */ }
    renderAll();
    refreshIncidents();
    if (opts && opts.focus) focusChartMonth(m);
  }

  // ---------- status ----------

  async function refreshHealth() {
    const statusEl = $('status');
    let r;
    try {
      r = await getJson(API.health);
    } catch (e) {
      r = null;
    }
    const body = obj(r && r.body);
    const parts = [];
    let overall;
    if (!body) {
      overall = 'UNREACHABLE';
      parts.push(el('strong', null, 'Server unreachable'), ' — retrying every few seconds.');
    } else {
      overall = text(body.status) || (r.ok ? 'UP' : 'DOWN');
      parts.push(el('strong', null, overall === 'UP' ? 'System running' : 'System ' + overall.toLowerCase()));
      const services = obj(body.services);
      if (services) {
        const items = Object.entries(services).map(([name, v]) => {
          const s = typeof v === 'string' ? v : text(obj(v) && (v.status || v.state)) || JSON.stringify(v);
          const good = /^(UP|RUNNING|OK|REBALANCING)$/i.test(s);
          return el('span', { class: 'service ' + (good ? 'ok' : 'bad'), 'data-service': name },
            name + ': ' + s);
        });
        parts.push(' · ', items.map((n, i) => (i ? [' ', n] : n)));
      }
    }
    if (changed('status', [overall, body])) {
      statusEl.setAttribute('data-status', overall);
      statusEl.className = 'status status-' + overall.toLowerCase();
      replaceChildren(statusEl, parts);
    }
  }

  function setNotice(msg) {
    const n = $('api-notice');
    if (msg) {
      if (n.textContent !== msg) n.textContent = msg;
      n.hidden = false;
    } else {
      n.hidden = true;
      n.textContent = '';
    }
  }

  // ---------- data refresh ----------

  async function refreshMonths() {
    const r = await getJson(API.months);
    if (!r.ok || !Array.isArray(r.body)) {
      throw new Error('Monthly tallies unavailable: ' + errorText(r));
    }
    state.months = r.body.filter((m) => obj(m) && validMonth(m.month))
      .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  }

  async function refreshAlerts() {
    const r = await getJson(API.alerts);
    if (!r.ok || !Array.isArray(r.body)) {
      throw new Error('Alerts unavailable: ' + errorText(r));
    }
    state.alerts = r.body.filter((a) => obj(a));
  }

  async function refreshIncidents() {
    const m = shownMonth();
    if (!m) return;
    try {
      const r = await getJson(API.incidents(m));
      if (r.ok && Array.isArray(r.body)) state.incidents.set(m, r.body.filter((i) => obj(i)));
      else if (r.status === 404) state.incidents.set(m, []);
      else throw new Error(errorText(r));
    } catch (e) {
      if (!state.incidents.has(m)) state.incidents.set(m, null);
    }
    if (m === shownMonth()) renderIncidents();
  }

  async function tick() {
    clearTimeout(state.timer);
    if (state.ticking) { state.again = true; return; }
    state.ticking = true;
    try {
      const problems = [];
      await Promise.all([
        refreshHealth().catch(() => {}),
        refreshMonths().catch((e) => problems.push(e.message)),
        refreshAlerts().catch((e) => problems.push(e.message)),
      ]);
      renderAll();
      await refreshIncidents();
      setNotice(problems.join(' '));
      $('updated-at').textContent = 'Last checked at ' + fmtTime(new Date()) + '.';
    } catch (e) {
      setNotice('The page hit an error and keeps retrying: ' + e.message);
    } finally {
      state.ticking = false;
      state.timer = setTimeout(tick, state.again ? 0 : POLL_MS);
      state.again = false;
    }
  }

  // ---------- rendering ----------

  function renderAll() {
    renderChart();
    renderMonthSelect();
    renderYtd();
    renderAlerts();
    renderIncidents();
  }

  function chartMonths() {
    if (!state.months.length) return [];
    const byMonth = new Map(state.months.map((m) => [m.month, m]));
    const last = monthIndex(latestMonth());
    const first = Math.max(monthIndex(state.months[0].month), last - MAX_MONTHS + 1);
    const out = [];
    // A continuous axis: months without data are drawn empty rather than skipped.
    for (let i = first; i <= last; i++) {
      const m = monthFromIndex(i);
      out.push(byMonth.get(m) || { month: m, missing: true });
    }
    return out;
  }

  /** A y-axis of whole numbers: a step of 1, 2 or 5 times a power of ten and at most 5 gridlines. */
  function yScale(v) {
    const raw = Math.max(1, v) / 4;
    const pow = Math.pow(10, Math.floor(Math.log10(raw)));
    let step = [1, 2, 5, 10].map((f) => f * pow).find((s) => s >= raw);
    step = Math.max(1, Math.round(step));
    const ticks = Math.max(1, Math.ceil(Math.max(1, v) / step));
    return { max: ticks * step, step, ticks };
  }

  function renderChart() {
    const host = $('months-chart');
    const months = chartMonths();
    const shown = shownMonth();
    if (!state.focusMonth || !months.some((m) => m.month === state.focusMonth)) state.focusMonth = shown;
    if (!changed('chart', [months, shown, state.focusMonth])) return;
    const hadFocus = host.contains(document.activeElement);
    if (!months.length) {
      replaceChildren(host, el('p', { class: 'empty' }, 'No months with data yet.'));
      return;
    }
    const W = 1100, H = 280, left = 44, right = 8, top = 22, bottom = 48;
    const plotW = W - left - right, plotH = H - top - bottom;
    const scale = yScale(Math.max(0, ...months.flatMap((m) => KINDS.map((k) => (isNum(m[k.key]) ? m[k.key] : 0)))));
    const maxV = scale.max;
    const slot = plotW / months.length;
    const barW = Math.max(3, Math.min(18, (slot - 6) / 3));
    const y = (v) => top + plotH - (v / maxV) * plotH;

    const root = svg('svg', {
      viewBox: '0 0 ' + W + ' ' + H, role: 'group', class: 'chart-svg',
      'aria-label': 'Charges per month by kind, ' + monthLong(months[0].month) + ' to ' + monthLong(months[months.length - 1].month),
      preserveAspectRatio: 'xMidYMid meet',
    });
    // grid and y axis
    for (let i = 0; i <= scale.ticks; i++) {
      const v = scale.step * i;
      const yy = y(v);
      root.appendChild(svg('line', { x1: left, x2: W - right, y1: yy, y2: yy, class: i ? 'grid' : 'axis', 'aria-hidden': 'true' }));
      root.appendChild(svg('text', { x: left - 6, y: yy + 4, class: 'tick', 'text-anchor': 'end', 'aria-hidden': 'true' },
        groupDigits(v)));
    }
    months.forEach((m, i) => {
      const x0 = left + i * slot;
      const isSel = m.month === shown;
      const label = monthLong(m.month) + ': ' + (m.missing ? 'no data'
        : KINDS.map((k) => count(m[k.key]) + ' ' + k.label.toLowerCase()).join(', '));
      const g = svg('g', {
        class: 'month' + (isSel ? ' selected' : '') + (m.missing ? ' missing' : ''),
        role: 'button',
        tabindex: m.month === state.focusMonth ? '0' : '-1',
        'aria-pressed': isSel ? 'true' : 'false',
        'aria-label': label,
        'data-month': m.month,
        'data-testid': 'month-bar',
      });
      g.appendChild(svg('title', null, label));
      g.appendChild(svg('rect', { x: x0 + 1, y: top - 16, width: slot - 2, height: plotH + 16 + bottom - 4, rx: 4, class: 'hit' }));
      KINDS.forEach((k, j) => {
        const v = isNum(m[k.key]) ? m[k.key] : 0;
        const bx = x0 + (slot - 3 * barW) / 2 + j * barW;
        const h = Math.max(0, y(0) - y(v));
        if (v > 0) {
          g.appendChild(svg('rect', {
            x: bx, y: y(v), width: barW - 1, height: h, class: 'bar kind-' + k.key, 'data-kind': k.key, 'data-value': v,
          }));
          if (slot >= 30) {
            g.appendChild(svg('text', { x: bx + (barW - 1) / 2, y: y(v) - 3, class: 'value', 'text-anchor': 'middle' }, String(v)));
          }
        }
      });
      const mo = Number(m.month.slice(5, 7));
      g.appendChild(svg('text', { x: x0 + slot / 2, y: H - bottom + 16, class: 'xlabel', 'text-anchor': 'middle' }, MONTH_NAMES[mo - 1]));
      if (mo === 1 || i === 0) {
        g.appendChild(svg('text', { x: x0 + slot / 2, y: H - bottom + 32, class: 'xlabel year', 'text-anchor': 'middle' }, m.month.slice(0, 4)));
      }
      g.addEventListener('click', () => selectMonth(m.month));
      g.addEventListener('keydown', (ev) => onChartKey(ev, months, i));
      root.appendChild(g);
    });
    replaceChildren(host, root);
    if (hadFocus) focusChartMonth(state.focusMonth);
  }

  function focusChartMonth(m) {
    const g = $('months-chart').querySelector('g.month[data-month="' + m + '"]');
    if (g) g.focus();
  }

  function onChartKey(ev, months, i) {
    let target = null;
    switch (ev.key) {
      case 'ArrowLeft': case 'ArrowDown': target = Math.max(0, i - 1); break;
      case 'ArrowRight': case 'ArrowUp': target = Math.min(months.length - 1, i + 1); break;
      case 'Home': target = 0; break;
      case 'End': target = months.length - 1; break;
      case 'Enter': case ' ':
        ev.preventDefault();
        selectMonth(months[i].month, { focus: true });
        return;
      default: return;
    }
    ev.preventDefault();
    state.focusMonth = months[target].month;
    state.rendered.chart = null;
    renderChart();
    focusChartMonth(state.focusMonth);
  }

  function renderMonthSelect() {
    const sel = $('month-select');
    const months = state.months.map((m) => m.month).reverse();
    const follow = !state.selected;
    $('follow-latest').hidden = follow;
    if (!changed('select', [months, state.selected])) return;
    const latest = latestMonth();
    replaceChildren(sel,
      el('option', { value: '' }, latest ? 'Latest month (' + monthLong(latest) + ')' : 'Latest month'),
      months.map((m) => el('option', { value: m }, monthLong(m))));
    sel.value = state.selected || '';
  }

  function renderYtd() {
    const host = $('ytd');
    const m = shownMonth();
    const data = m ? monthData(m) : null;
    if (!changed('ytd', [m, data])) return;
    $('ytd-heading').textContent = m ? monthLong(m) + ' and the year to date' : 'Month and year to date';
    if (!data) {
      replaceChildren(host, el('p', { class: 'empty' }, m ? 'Nothing is known about ' + monthLong(m) + '.' : 'No data yet.'));
      return;
    }
    const ytd = obj(data.year_to_date) || {};
    const reported = obj(data.reported);
    const reportedYtd = reported ? obj(reported.year_to_date) : null;
    const head = ['Figure', 'This month'];
    if (reported) head.push('Reported for the month');
    head.push('Year to date');
    if (reported) head.push('Reported year to date');
    const cell = (computed, rep, money, key, which) => {
      const differs = isNum(rep) && isNum(computed) && rep !== computed;
      return el('td', { class: (money ? 'num money' : 'num') + (differs ? ' differs' : ''), 'data-figure': key, 'data-column': which },
        fmtFigure(rep, money), differs ? el('span', { class: 'sr-only' }, ' (differs from our count)') : null);
    };
    const rows = FIGURES.map((f) => {
      const tds = [el('th', { scope: 'row' }, f.label),
        el('td', { class: f.money ? 'num money' : 'num', 'data-figure': f.key, 'data-column': 'month' }, fmtFigure(data[f.key], f.money))];
      if (reported) tds.push(cell(data[f.key], reported[f.key], f.money, f.key, 'reported-month'));
      tds.push(el('td', { class: f.money ? 'num money' : 'num', 'data-figure': f.key, 'data-column': 'ytd' }, fmtFigure(ytd[f.key], f.money)));
      if (reported) tds.push(cell(ytd[f.key], reportedYtd ? reportedYtd[f.key] : null, f.money, f.key, 'reported-ytd'));
      return el('tr', null, tds);
    });
    const caption = el('caption', null,
      'Counted from ', count(data.incidents), ' incident', data.incidents === 1 ? '' : 's',
      reported ? ['; reported figures from the monthly digest', reported.article_id ? [' (article ', el('code', null, text(reported.article_id)), ')'] : '',
        '. A dash means the digest does not state the figure; highlighted cells differ from our count.'] : '. No monthly digest reported figures for this month.');
    replaceChildren(host, el('div', { class: 'table-wrap' }, el('table', { class: 'figures' + (reported ? ' with-reported' : '') },
      caption,
      el('thead', null, el('tr', null, head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', null, rows))));
  }

  function renderAlerts() {
    const host = $('alerts');
    const alerts = state.alerts.slice().sort((a, b) => (text(b.raised_at || b.window_end) > text(a.raised_at || a.window_end) ? 1 : -1))
      .slice(0, MAX_ALERTS);
    if (!changed('alerts', alerts)) return;
    if (!alerts.length) {
      replaceChildren(host, el('p', { class: 'empty' }, 'No spikes detected.'));
      return;
    }
    const items = alerts.map((a) => {
      const ids = arr(a.incidents).map((id) => text(id));
      return el('li', { class: 'alert', 'data-alert-id': text(a.id), 'data-testid': 'alert' },
        el('p', { class: 'alert-title' },
          el('strong', null, 'Spike in ' + humanize(a.kind || 'charges') + ' charges'), ' — ',
          validMonth(a.month) ? el('button', { type: 'button', class: 'link', onclick: () => selectMonth(a.month) }, monthLong(a.month)) : text(a.month)),
        el('dl', { class: 'alert-facts' },
          el('dt', null, 'Window'), el('dd', null, text(a.window_start) + ' – ' + text(a.window_end)),
          el('dt', null, 'Observed'), el('dd', { 'data-field': 'observed' }, count(a.observed)),
          el('dt', null, 'Expected'), el('dd', { 'data-field': 'expected' }, isNum(a.expected) ? a.expected.toFixed(1) : '—'),
          el('dt', null, 'p-value'), el('dd', { 'data-field': 'p_value' }, fmtP(a.p_value))),
        el('p', { class: 'alert-ids' }, 'Articles: ',
          ids.length ? ids.map((id, i) => [i ? ', ' : '', el('code', { 'data-alert-article': id }, id)]) : 'none listed'),
        el('p', { class: 'alert-id' }, 'Alert ', el('code', null, text(a.id))));
    });
    replaceChildren(host, el('ul', { class: 'alert-list' }, items));
  }

  function renderIncidents() {
    const host = $('incidents');
    const m = shownMonth();
    const list = m ? state.incidents.get(m) : undefined;
    if (!changed('incidents', [m, list, [...state.posted]])) return;
    $('incidents-heading').textContent = m ? 'Incidents in ' + monthLong(m) + (state.selected ? '' : ' (latest month)') : 'Incidents';
    host.setAttribute('data-month', m || '');
    if (!m) {
      replaceChildren(host, el('p', { class: 'empty' }, 'No incidents recorded yet.'));
      return;
    }
    if (list === undefined) {
      replaceChildren(host, el('p', { class: 'empty' }, 'Loading incidents of ' + monthLong(m) + '…'));
      return;
    }
    if (list === null) {
      replaceChildren(host, el('p', { class: 'empty' }, 'The incidents of ' + monthLong(m) + ' cannot be loaded right now; retrying.'));
      return;
    }
    if (!list.length) {
      replaceChildren(host, el('p', { class: 'empty' }, 'No incidents in ' + monthLong(m) + '.'));
      return;
    }
    replaceChildren(host, el('p', { class: 'count' }, list.length + ' incident' + (list.length === 1 ? '' : 's') + ' counted.'),
      el('ol', { class: 'incident-list' }, list.map((inc) => el('li', null, incidentNode(inc)))));
  }

  function incidentNode(inc) {
    const id = text(inc.article_id || inc.articleId || inc.id);
    const idx = isNum(inc.incident_index) ? inc.incident_index : 0;
    const key = id + '#' + idx;
    const url = safeHttpUrl(inc.url);
    const title = text(inc.title) || 'Untitled report';
    const isPosted = state.posted.has(id);
    const charges = arr(inc.charges).filter((c) => obj(c));
    const violations = arr(inc.violation_types).map(text).filter(Boolean);
    const legal = arr(inc.legal_basis).map(text).filter(Boolean);
    const evidence = arr(inc.evidence).filter((e) => obj(e));

    const meta = [];
    if (inc.date) meta.push(el('span', null, text(inc.date) + (inc.date_stated === false ? ' (publication date)' : '')));
    if (inc.source) meta.push(el('span', { 'data-field': 'source' }, text(inc.source)));
    if (url) meta.push(el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', 'data-field': 'url' }, displayUrl(url)));
    else if (inc.url) meta.push(el('span', { 'data-field': 'url' }, text(inc.url)));

    const evDetails = el('details', { class: 'evidence', open: !state.closedEvidence.has(key) },
      el('summary', null, 'Evidence (' + evidence.length + ')'),
      evidence.length ? el('ul', null, evidence.map(evidenceNode)) : el('p', { class: 'empty' }, 'No evidence recorded.'));
    evDetails.addEventListener('toggle', () => {
      if (evDetails.open) state.closedEvidence.delete(key); else state.closedEvidence.add(key);
    });

    return el('article', {
      class: 'incident' + (isPosted ? ' just-posted' : ''), 'data-article-id': id, 'data-incident-index': idx,
      'data-testid': 'incident', id: 'incident-' + id.replace(/[^A-Za-z0-9_-]/g, '_') + '-' + idx,
    },
      el('h3', null, title, isPosted ? el('span', { class: 'badge' }, 'submitted here') : null),
      el('p', { class: 'meta' }, meta.map((n, i) => (i ? [' · ', n] : n))),
      el('p', { class: 'article-id' }, 'Article ', el('code', null, id), idx ? ' — incident ' + (idx + 1) : ''),
      violations.length ? el('div', { class: 'tags' }, el('span', { class: 'tags-label' }, 'Violations: '),
        el('ul', { class: 'chips' }, violations.map((v) => el('li', { class: 'chip', 'data-violation': v }, humanize(v))))) : null,
      legal.length ? el('p', { class: 'legal' }, 'Legal basis: ', legal.map((l, i) => [i ? ', ' : '', el('code', null, l)])) : null,
      charges.length ? chargesTable(charges) : el('p', { class: 'no-charges' }, 'No charge (a violation without a legal action).'),
      evDetails);
  }

  function displayUrl(url) {
    try {
      const u = new URL(url);
      const s = u.host + u.pathname + u.search;
      return s.length > 70 ? s.slice(0, 67) + '…' : s;
    } catch (e) {
      return url;
    }
  }

  function chargesTable(charges) {
    return el('div', { class: 'table-wrap' }, el('table', { class: 'charges' },
      el('caption', { class: 'sr-only' }, 'Charges'),
      el('thead', null, el('tr', null, ['Kind', 'Stage', 'Persons / claims', 'Legal basis', 'Claimed', 'Awarded']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', null, charges.map((c) => el('tr', { 'data-kind': text(c.kind) },
        el('td', null, el('span', { class: 'swatch kind-' + text(c.kind).replace(/[^a-z_]/g, ''), 'aria-hidden': 'true' }), humanize(c.kind)),
        el('td', null, STAGES[c.stage] || humanize(c.stage)),
        el('td', { class: 'num' }, isNum(c.count) ? count(c.count) : 'several'),
        el('td', null, c.legal_basis ? el('code', null, text(c.legal_basis)) : '—'),
        el('td', { class: 'num money' }, isNum(c.claimed_kzt) ? tenge(c.claimed_kzt) : '—'),
        el('td', { class: 'num money' }, isNum(c.awarded_kzt) ? tenge(c.awarded_kzt) : '—'))))));
  }

  function evidenceNode(e) {
    return el('li', { class: 'evidence-item', 'data-tag': text(e.tag) },
      el('span', { class: 'ev-tag' }, humanize(e.tag)),
      el('q', { class: 'snippet' }, highlighted(e)),
      e.rule_id ? el('span', { class: 'ev-rule' }, 'rule ', el('code', null, text(e.rule_id))) : null);
  }

  /**
   * The snippet with the matched text in <mark>. The API gives the match's offsets in the article
   * body and a snippet of about 30 characters either side with whitespace collapsed, so the
   * position inside the snippet is recovered: at most min(start, 30), earlier when whitespace was
   * collapsed, and at a word boundary since rules match whole tokens.
   */
  function highlighted(e) {
    const s = text(e.snippet);
    let from = -1, to = -1;
    if (isNum(e.snippet_start) && isNum(e.snippet_end)) {
      from = e.snippet_start; to = e.snippet_end;
    } else if (typeof e.match === 'string' && e.match && s.indexOf(e.match) >= 0) {
      from = s.indexOf(e.match); to = from + e.match.length;
    } else if (isNum(e.start) && isNum(e.end) && e.end > e.start) {
      const len = e.end - e.start;
      const p0 = Math.min(e.start, 30);
      const word = /[\p{L}\p{N}]/u;
      const space = /\s/;
      from = Math.min(p0, s.length);
      for (let p = Math.min(p0, s.length - 1); p >= Math.max(0, p0 - 8); p--) {
        const c = s[p];
        if (c === undefined || space.test(c)) continue;
        if (p === 0 || !word.test(s[p - 1]) || !word.test(c)) { from = p; break; }
      }
      to = from + len;
    }
    // The snippet is cut from the middle of the text: say so.
    const lead = isNum(e.start) && e.start > 30 ? '…' : '';
    const tail = /[.!?»"”)]$/.test(s) ? '' : '…';
    from = Math.max(0, Math.min(from, s.length));
    to = Math.max(from, Math.min(to, s.length));
    if (to <= from) return [lead, s, tail];
    return [lead, s.slice(0, from), el('mark', null, s.slice(from, to)), s.slice(to), tail];
  }

  // ---------- posting ----------

  function setupForm() {
    const form = $('post-form');
    const result = $('post-result');
    const submit = $('post-submit');
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      for (const f of form.querySelectorAll('[aria-invalid]')) f.removeAttribute('aria-invalid');
      const body = $('post-body').value;
      if (!body.trim()) {
        showResult('error', 'Please paste the text of the report.', 'body');
        return;
      }
      const payload = { body };
      for (const name of ['title', 'url', 'source', 'language']) {
        const v = form.elements[name].value.trim();
        if (v) payload[name] = v;
      }
      const published = form.elements.published_at.value;
      if (published) payload.published_at = published;
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      const token = form.elements.token.value.trim();
      if (token) headers.Authorization = 'Bearer ' + token;

      submit.disabled = true;
      result.setAttribute('data-outcome', 'pending');
      replaceChildren(result, 'Submitting…');
      try {
        const res = await fetch(API.articles, { method: 'POST', headers, body: JSON.stringify(payload), cache: 'no-store' });
        let data = null;
        try { data = await res.json(); } catch (e) { data = null; }
        const one = Array.isArray(data) ? data[0] : data;
        if (res.status === 202 || (res.ok && obj(one) && one.id)) {
          const id = text(one && one.id);
          state.posted.add(id);
          showAccepted(id, one);
          form.reset();
          tickSoon();
        } else if (res.status === 401) {
          showResult('error', 'The server needs an access token: open "Access token" below the form and enter the one you were given.', 'token');
        } else {
          const err = obj(one) ? one : {};
          showResult('error', 'Not accepted (' + res.status + '): ' + (text(err.error) || 'unknown error'), text(err.field));
        }
      } catch (e) {
        showResult('error', 'Could not reach the server: ' + e.message, null);
      } finally {
        submit.disabled = false;
      }
    });

    function showAccepted(id, r) {
      result.setAttribute('data-outcome', 'accepted');
      result.setAttribute('data-article-id', id);
      result.className = 'post-result ok';
      replaceChildren(result,
        el('strong', null, r && r.status === 'unchanged' ? 'Already known' : 'Accepted'), ': article ',
        el('code', { 'data-field': 'id' }, id),
        isNum(r && r.revision) ? ', revision ' + r.revision : '',
        r && r.status ? ' (' + text(r.status) + ')' : '', '. ',
        'It will be marked “submitted here” in the incidents list if it reports a charge or violation.');
    }

    function showResult(kind, msg, field) {
      result.setAttribute('data-outcome', kind);
      result.removeAttribute('data-article-id');
      result.className = 'post-result ' + (kind === 'error' ? 'bad' : 'ok');
      replaceChildren(result, msg);
      const input = field && form.elements[field];
      if (input && input.focus) {
        input.setAttribute('aria-invalid', 'true');
        if (field === 'token') form.querySelector('details.token').open = true;
        input.focus();
      }
    }
  }

  function tickSoon() {
    clearTimeout(state.timer);
    state.timer = setTimeout(tick, 300);
    if (state.ticking) state.again = true;
  }

  // ---------- start ----------

  function start() {
    const asked = new URLSearchParams(location.search).get('month');
    if (validMonth(asked)) {
      state.selected = asked;
      state.focusMonth = asked;
    }
    $('month-select').addEventListener('change', (ev) => selectMonth(ev.target.value || null));
    $('follow-latest').addEventListener('click', () => selectMonth(null));
    setupForm();
    tick();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
