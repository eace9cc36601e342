// The NOC portal: a page per hash route, every datum read from the REST API (API.md) with the key the user gave,
// live changes from GET /api/v1/events. Pages whose endpoints are not served yet say "not available".
import { SseParser, esc, layout, linkKey, applyPeerEvent, applyRouterEvent, countdown, bySeverity, can, changeParams, chartPath } from './core.js';

const KEY = 'netops.apiKey';
const state = { roles: [], authMode: 'apikey', name: '', lastEventId: null, handlers: new Set(), timers: [] };
const main = () => document.getElementById('main');

// ---------- API ----------
class ApiError extends Error {
  constructor(status, problem, path) { super(problem?.detail || problem?.title || `HTTP ${status}`); this.status = status; this.problem = problem; this.path = path; }
}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) };
  const key = sessionStorage.getItem(KEY);
  if (key) headers.Authorization = `Bearer ${key}`;
  const response = await fetch(path, { ...options, headers, body: options.body ? JSON.stringify(options.body) : undefined });
  if (response.status === 401 && path !== '/api/v1/auth/whoami') { showLogin('The key was refused (401). Sign in again.'); throw new ApiError(401, null, path); }
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, body, path);
  return body;
}

/** Renders what a failed call means: 404 is "not available" (the endpoint is not served by this silo yet). */
function failure(error, what) {
  if (error?.status === 404) return `<p class="na" data-testid="not-available">${esc(what)}: not available (this silo does not serve <code>${esc(error.path.split('?')[0])}</code> yet).</p>`;
  if (error?.status === 403) return `<p class="na">${esc(what)}: your key may not see this (403).</p>`;
  const errors = error?.problem?.errors ? Object.entries(error.problem.errors).map(([k, v]) => `${k}: ${[].concat(v).join('; ')}`).join('\n') : '';
  return `<p class="error" role="alert">${esc(what)} failed: ${esc(error?.message ?? error)}${errors ? '\n' + esc(errors) : ''}</p>`;
}

// Fills an element with what load() renders; a slower earlier load never overwrites a newer one.
async function section(element, what, load) {
  const ticket = (element.netopsTicket = (element.netopsTicket ?? 0) + 1);
  let html;
  try { html = await load(); } catch (error) { html = failure(error, what); }
  if (element.netopsTicket === ticket) element.innerHTML = html;
}

// ---------- live feed ----------
let feedAbort = null;
async function startFeed() {
  feedAbort?.abort();
  const abort = feedAbort = new AbortController();
  const live = document.getElementById('live');
  for (let attempt = 0; !abort.signal.aborted; attempt++) {
    try {
      const headers = { Accept: 'text/event-stream' };
      const key = sessionStorage.getItem(KEY);
      if (key) headers.Authorization = `Bearer ${key}`;
      if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
      const response = await fetch('/api/v1/events', { headers, signal: abort.signal });
      if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      live.textContent = 'live'; live.classList.add('on'); attempt = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const event of parser.push(value)) dispatch(event);
      }
    } catch (error) {
      if (abort.signal.aborted) return;
    }
    live.textContent = 'reconnecting'; live.classList.remove('on');
    await new Promise(r => setTimeout(r, Math.min(500 * 2 ** attempt, 10_000)));
  }
}

function dispatch(event) {
  if (event.id) state.lastEventId = event.id;
  if (event.type === 'ping') return;
  let data = null;
  try { data = JSON.parse(event.data); } catch { return; }
  if (event.type === 'ready') { if (!data.resumed) route(); return; }
  for (const handler of state.handlers) handler(event.type, data);
}

const onEvent = handler => state.handlers.add(handler);

// ---------- auth ----------
async function signIn() {
  try {
    const me = await api('/api/v1/auth/whoami');
    Object.assign(state, { roles: me.roles, authMode: me.authMode, name: me.name });
  } catch (error) {
    if (error.status === 401) { showLogin(sessionStorage.getItem(KEY) ? 'That key was refused.' : null); return false; }
    main().innerHTML = failure(error, 'Signing in'); return false;
  }
  document.getElementById('authoff').hidden = state.authMode !== 'none';
  document.getElementById('whoami').textContent = `${state.name} · ${state.roles.at(-1) ?? 'no role'}`;
  document.getElementById('logout').hidden = state.authMode === 'none';
  startFeed();
  return true;
}

function showLogin(message) {
  feedAbort?.abort();
  main().innerHTML = `<section class="panel" style="max-width:480px">
    <h1>Sign in</h1>
    ${message ? `<p class="error" role="alert">${esc(message)}</p>` : ''}
    <form id="login" class="row"><label>API key <input id="apikey" type="password" autocomplete="off" required size="40"></label>
    <button type="submit">Sign in</button></form>
    <p class="muted">The key stays in this browser tab's session storage and is sent as <code>Authorization: Bearer</code>.</p></section>`;
  document.getElementById('apikey').focus();
  document.getElementById('login').addEventListener('submit', async e => {
    e.preventDefault();
    sessionStorage.setItem(KEY, document.getElementById('apikey').value.trim());
    if (await signIn()) route();
  });
}

document.getElementById('logout').addEventListener('click', () => { sessionStorage.removeItem(KEY); state.roles = []; showLogin('Signed out.'); });

// ---------- pages ----------
const pages = { overview, routers, router, incidents, incident, approvals, audit, autonomy, learning, assistant, whatif, metrics };

function route() {
  state.handlers.clear();
  state.timers.forEach(clearInterval); state.timers = [];
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'overview').split('/');
  const page = pages[name === 'routers' && rest.length ? 'router' : name === 'incidents' && rest.length ? 'incident' : name] ?? overview;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.getAttribute('href') === `#/${name}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  page(...rest.map(decodeURIComponent));
}

const table = (columns, rows, empty = 'Nothing yet.') => rows.length === 0 ? `<p class="muted">${esc(empty)}</p>` :
  `<table><thead><tr>${columns.map(c => `<th scope="col">${esc(c[0])}</th>`).join('')}</tr></thead><tbody>${rows.map(r =>
    `<tr${r.__attrs ?? ''}>${columns.map(c => `<td>${c[1](r)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const badge = value => `<span class="badge s-${esc(String(value).toLowerCase())}">${esc(value)}</span>`;
const time = t => t ? esc(new Date(t).toISOString().replace('T', ' ').slice(0, 19)) : '';
const pct = v => v == null ? '–' : `${(v * 100).toFixed(1)} %`;

// Overview: topology, incidents, approvals, autonomy, SLA.
async function overview() {
  main().innerHTML = `<h1>Overview</h1><div class="grid">
    <section class="panel" aria-labelledby="topo-h"><h2 id="topo-h">Topology</h2><div id="topology" data-testid="topology"><p class="muted">Loading…</p></div>
      <p class="legend muted"><span class="s-up">━ up</span><span class="s-down">╍ down</span><span class="s-unknown">━ unknown</span> · width: utilisation · <span class="hot">━ utilisation ≥ 85 % or loss</span></p></section>
    <div>
      <section class="panel"><h2>Active incidents</h2><div id="ov-incidents"></div></section>
      <section class="panel"><h2>Approval queue</h2><div id="ov-approvals"></div></section>
      <section class="panel"><h2>Autonomy</h2><div id="ov-autonomy"></div></section>
      <section class="panel"><h2>SLA per ISP</h2><div id="ov-sla"></div></section>
    </div></div>`;
  const topology = await api('/api/v1/topology').catch(error => { document.getElementById('topology').innerHTML = failure(error, 'Topology'); return null; });
  if (topology) {
    drawTopology(topology);
    if (performance.getEntriesByName('topology-rendered').length === 0) performance.mark('topology-rendered');
    let refresh = null;
    onEvent((type, data) => {
      if (type === 'peer') { const link = applyPeerEvent(topology, data); if (link) { paintLink(link); summarise(topology); } }
      if (type === 'router') { const node = applyRouterEvent(topology, data); if (node) paintNode(node); }
      if (type === 'peer' || type === 'router') {
        // The event is applied at once; a refetch shortly after settles anything it could not say (utilisation, ISPs).
        clearTimeout(refresh);
        refresh = setTimeout(refetch, 1500);
      }
      if (type === 'incident') loadIncidents();
      if (type === 'action') loadApprovals();
      if (type === 'audit' && AUTONOMY_AUDIT.has(data.kind)) loadAutonomy();
    });
    // Utilisation and loss come from flows and probes, which send no topology event: refetch them every 10 s.
    const refetch = async () => { try { const fresh = await api('/api/v1/topology'); Object.assign(topology, fresh); fresh.links.forEach(paintLink); fresh.nodes.forEach(paintNode); summarise(topology); } catch { /* the next tick retries */ } };
    state.timers.push(setInterval(refetch, 10_000));
    section(document.getElementById('ov-sla'), 'SLA', () => slaPanel(topology));
  }
  // Active: everything not yet resolved — open, acknowledged and mitigating incidents still need eyes.
  const loadIncidents = () => section(document.getElementById('ov-incidents'), 'Incidents', async () => {
    const active = (await api('/api/v1/incidents')).filter(i => i.state === 'open' || i.state === 'acknowledged' || i.state === 'mitigating');
    return `<p>${bySeverity(active).map(s => `${badge(s.severity)} <strong>${s.count}</strong>`).join(' &nbsp; ')}</p>` +
      table([['Incident', i => `<a href="#/incidents/${esc(i.id)}">${esc(i.title)}</a>`], ['Severity', i => badge(i.severity)], ['State', i => badge(i.state)], ['Opened', i => time(i.openedAt)]], active.slice(0, 8), 'No active incident.');
  });
  const loadApprovals = () => section(document.getElementById('ov-approvals'), 'Approval queue', async () => {
    const waiting = await api('/api/v1/actions?state=AWAITING_APPROVAL');
    return table([['Action', a => `<a href="#/approvals">${esc(a.action)}</a> on ${esc(a.router)}`], ['Risk', a => badge(a.risk)], ['Approvals', a => `${(a.approvals ?? []).length}/${esc(a.requiredApprovals ?? 1)}`]], waiting, 'Nothing waits for approval.');
  });
  const loadAutonomy = () => section(document.getElementById('ov-autonomy'), 'Autonomy', async () => autonomySummary(await api('/api/v1/autonomy')));
  loadIncidents(); loadApprovals(); loadAutonomy();
}

// Audit kinds that change what the autonomy panel shows.
const AUTONOMY_AUDIT = new Set(['autonomy', 'kill-switch', 'demotion']);

// A link's width is its utilisation; hot (≥ 85 % or measured loss) is marked; the tooltip says both.
const linkWidth = l => l.utilisation == null ? null : (2 + l.utilisation * 8).toFixed(1);
const linkHot = l => (l.utilisation ?? 0) >= 0.85 || (l.lossPct ?? 0) > 0;
const linkTitle = l => `${l.a} – ${l.b}: ${l.state}${l.utilisation == null ? '' : `, utilisation ${pct(l.utilisation)}`}${l.lossPct == null ? '' : `, loss ${l.lossPct} %`}`;

function drawTopology(topology) {
  const { width, height, radius, at } = layout(topology.nodes);
  const big = topology.nodes.length > 200;
  const lines = topology.links.filter(l => at.has(l.a) && at.has(l.b)).map(l => {
    const a = at.get(l.a), b = at.get(l.b), w = linkWidth(l) == null ? '' : ` style="stroke-width:${linkWidth(l)}"`;
    return `<line class="link ${esc(l.kind)} ${esc(l.state)}${linkHot(l) ? ' hot' : ''}" data-link="${esc(linkKey(l.a, l.b))}" data-state="${esc(l.state)}" data-utilisation="${esc(l.utilisation ?? '')}" x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"${w}><title>${esc(linkTitle(l))}</title></line>`;
  }).join('');
  const nodes = topology.nodes.map(n => {
    const p = at.get(n.id);
    const label = big ? '' : `<text x="${p.x}" y="${p.y + radius + 14}">${esc(n.id)}</text>`;
    const shape = `<circle cx="${p.x}" cy="${p.y}" r="${radius}"><title>${esc(n.id)} ${esc(n.hostname ?? '')} AS${esc(n.asn)} ${esc(n.status)}</title></circle>${label}`;
    return `<g class="node ${esc(n.kind)} ${esc(n.status)}" data-node="${esc(n.id)}">${n.kind === 'router' ? `<a href="#/routers/${esc(n.id)}" aria-label="Router ${esc(n.id)} (${esc(n.status)})">${shape}</a>` : shape}</g>`;
  }).join('');
  document.getElementById('topology').innerHTML =
    `<svg class="topology" viewBox="0 0 ${width} ${height}" role="img" aria-label="Network topology: ${topology.nodes.length} nodes, ${topology.links.length} links">${lines}${nodes}</svg>
     <p class="muted" data-testid="topology-summary" aria-live="polite"></p>`;
  summarise(topology);
}

function summarise(topology) {
  const element = document.querySelector('[data-testid=topology-summary]');
  if (element) element.textContent = `${topology.nodes.filter(n => n.kind === 'router').length} routers, ${topology.nodes.filter(n => n.kind === 'isp').length} ISPs, ${topology.links.filter(l => l.state === 'down').length} links down`;
}

function paintLink(link) {
  const line = document.querySelector(`[data-link="${CSS.escape(linkKey(link.a, link.b))}"]`);
  if (!line) return;
  line.classList.remove('up', 'down', 'unknown'); line.classList.add(link.state); line.dataset.state = link.state;
  if (link.utilisation !== undefined) {
    line.dataset.utilisation = link.utilisation ?? '';
    if (linkWidth(link) == null) line.style.removeProperty('stroke-width'); else line.style.strokeWidth = linkWidth(link);
    line.classList.toggle('hot', linkHot(link));
    const title = line.querySelector('title'); if (title) title.textContent = linkTitle(link);
  }
}

function paintNode(node) {
  const g = document.querySelector(`[data-node="${CSS.escape(node.id)}"]`);
  if (!g) return;
  g.classList.remove('up', 'down', 'degraded', 'unknown'); g.classList.add(node.status);
}

async function slaPanel(topology) {
  // The twin's view of now: a what-if that changes nothing predicts each ISP's utilisation, latency and loss.
  const first = topology.nodes.find(n => n.kind === 'router');
  if (!first) return '<p class="muted">No router.</p>';
  const result = await api('/api/v1/twin/whatif', { method: 'POST', body: { changes: [{ router: first.id, action: 'NO_ACTION', params: {} }] } });
  const perIsp = result.predictedSla?.perIsp ?? [];
  return table([['ISP', s => esc(s.isp)], ['Utilisation', s => pct(s.utilisationBefore)], ['Latency', s => s.latencyMs == null ? '–' : `${esc(s.latencyMs)} ms`], ['Loss', s => s.lossPct == null ? '–' : `${esc(s.lossPct)} %`]], perIsp, 'The twin predicts no ISP figures.') +
    ((result.predictedSla?.breaches ?? []).length ? `<p class="error">${result.predictedSla.breaches.map(esc).join('<br>')}</p>` : '<p class="muted">No SLA breach predicted (twin).</p>');
}

function autonomySummary(a) {
  return `<p>Phase ${badge(a.phase)} · kill switch ${a.killSwitch ? '<strong class="s-down">ENGAGED</strong>' : '<span class="s-up">off</span>'}</p><p><a href="#/autonomy">Autonomy controls</a></p>`;
}

// Routers.
async function routers() {
  main().innerHTML = '<h1>Routers</h1><section class="panel" id="rt"></section>';
  const load = () => section(document.getElementById('rt'), 'Routers', async () => table([
    ['Router', r => `<a href="#/routers/${esc(r.id)}">${esc(r.id)}</a>`], ['Hostname', r => esc(r.hostname)], ['Role', r => esc(r.role)], ['AS', r => esc(r.asn)],
    ['Status', r => badge(r.status)], ['Source', r => esc(r.source)], ['Sessions', r => `${esc(r.peersEstablished)}/${esc(r.peersTotal)}`], ['Routes', r => esc(r.routesHeld)]],
    await api('/api/v1/routers'), 'No router known.'));
  await load();
  let timer = null;
  onEvent(type => { if (type === 'router') { clearTimeout(timer); timer = setTimeout(load, 500); } });
}

async function router(id) {
  main().innerHTML = `<h1>Router ${esc(id)}</h1>
    <section class="panel"><h2>Summary</h2><div id="r-summary"></div></section>
    <section class="panel"><h2>Sessions</h2><div id="r-peers"></div></section>
    <section class="panel"><h2>RIB browser</h2>
      <form id="rib" class="row">
        <label>View <select name="view">${['loc', 'adj-in-pre', 'adj-in-post', 'adj-out-pre', 'adj-out-post'].map(v => `<option>${v}</option>`).join('')}</select></label>
        <label>AFI <select name="afi"><option>ipv4</option><option>ipv6</option></select></label>
        <label>SAFI <select name="safi"><option>unicast</option><option>labeled-unicast</option><option>vpn</option></select></label>
        <label>Peer <input name="peer" placeholder="address or ISP-A" size="14"></label>
        <label>Prefix <input name="prefix" placeholder="8.8.8.0/24" size="16"></label>
        <label>RD <input name="rd" size="10"></label><label>VRF <input name="vrf" size="8"></label>
        <label>Limit <input name="limit" type="number" value="200" min="1" max="10000" size="6"></label>
        <button type="submit">Show</button></form><div id="r-rib"></div></section>
    <section class="panel"><h2>Metrics</h2><div id="r-metrics"></div></section>
    <section class="panel"><h2>Logs</h2><div id="r-logs"></div></section>
    <section class="panel"><h2>Findings</h2><div id="r-findings"></div></section>`;
  const enc = encodeURIComponent(id);
  const loadPeers = async () => {
    await section(document.getElementById('r-summary'), 'Router', async () => {
      const r = await api(`/api/v1/routers/${enc}`);
      return `<p>${esc(r.hostname)} · AS${esc(r.asn)} · router-id ${esc(r.routerId)} · ${badge(r.status)} · ${esc(r.source)} · ${esc(r.routesHeld ?? '')} routes</p>`;
    });
    await section(document.getElementById('r-peers'), 'Sessions', async () => table([
      ['Peer', p => `${esc(p.peerAddress)}${p.peerName ? ` <span class="muted">${esc(p.peerName)}</span>` : ''}`], ['AS', p => esc(p.peerAs)], ['Type', p => esc(p.peerType) + (p.rd ? ` ${esc(p.rd)}` : '') + (p.vrf ? ` ${esc(p.vrf)}` : '')],
      ['State', p => badge(p.state)], ['Up since', p => time(p.upSince)], ['Prefixes', p => esc(p.prefixesReceived)], ['Flaps', p => esc(p.flapCount)],
      ['Last down', p => p.lastDownAt ? `${time(p.lastDownAt)} ${esc(p.lastDownReason ?? '')}` : esc(p.lastDownReason ?? '')]], await api(`/api/v1/routers/${enc}/peers`), 'No session.'));
  };
  await loadPeers();
  onEvent((type, data) => { if ((type === 'peer' || type === 'router') && (data.router === id || data.id === id)) loadPeers(); });
  const rib = document.getElementById('rib');
  rib.addEventListener('submit', e => {
    e.preventDefault();
    const query = new URLSearchParams([...new FormData(rib)].filter(([, v]) => String(v).trim() !== ''));
    section(document.getElementById('r-rib'), 'RIB', async () => {
      const result = await api(`/api/v1/routers/${enc}/rib?${query}`);
      return `<p class="muted">${esc(result.view)} ${esc(result.afi)} ${esc(result.safi ?? '')}: ${result.routes.length} route(s)${result.computed ? ' — computed by the twin (the router sends no Loc-RIB)' : ''}${result.truncated ? ', truncated' : ''}</p>` + table([
        ['Prefix', r => esc(r.prefix) + (r.rd ? ` <span class="muted">${esc(r.rd)}</span>` : '')], ['Peer', r => esc(r.peerAddress)], ['Next hop', r => esc(r.nextHop)], ['AS path', r => esc((r.asPath ?? []).join(' '))],
        ['Origin', r => esc(r.origin)], ['MED', r => esc(r.med ?? '')], ['LP', r => esc(r.localPref ?? '')], ['Communities', r => esc([...(r.communities ?? []), ...(r.largeCommunities ?? [])].join(' '))], ['Best', r => r.best ? '★' : '']],
        result.routes, 'No route matches.');
    });
  });
  rib.requestSubmit();
  chartPanel(document.getElementById('r-metrics'), id);
  section(document.getElementById('r-logs'), 'Logs', async () => table([['Time', l => time(l.t)], ['Severity', l => badge(l.severity)], ['App', l => esc(l.appName)], ['Message', l => esc(l.message)]],
    await api(`/api/v1/logs?router=${enc}&limit=50`), 'No log line.'));
  section(document.getElementById('r-findings'), 'Findings', async () => table([['Time', f => time(f.t)], ['Kind', f => esc(f.kind)], ['Score', f => esc(f.score)], ['Summary', f => esc(f.summary)]],
    await api(`/api/v1/findings?router=${enc}&limit=50`), 'No finding.'));
}

// A metric chart with the forecast interval and threshold, when the forecasts endpoint gives them.
function chartPanel(element, routerId, path = '/system/cpu/utilization') {
  element.innerHTML = `<form class="row chart-form"><label>Router <input name="router" value="${esc(routerId ?? '')}" required size="8"></label>
    <label>Path <input name="path" value="${esc(path)}" size="50" required></label>
    <label>Last <select name="minutes"><option value="15">15 min</option><option value="60" selected>1 h</option><option value="360">6 h</option><option value="1440">24 h</option></select></label>
    <button type="submit">Plot</button></form><div class="chart-out"></div>`;
  const form = element.querySelector('form'), out = element.querySelector('.chart-out');
  const plot = () => section(out, 'Metric', async () => {
    const f = Object.fromEntries(new FormData(form));
    const to = new Date(), from = new Date(to - f.minutes * 60_000);
    const q = new URLSearchParams({ router: f.router, path: f.path, from: from.toISOString(), to: to.toISOString() });
    const series = await api(`/api/v1/metrics/series?${q}`);
    let forecast = null, note = '';
    try { forecast = (await api(`/api/v1/forecasts?router=${encodeURIComponent(f.router)}`)).find(x => x.path === f.path) ?? null; }
    catch (error) { note = error.status === 404 ? 'Forecasts: not available.' : `Forecasts: ${esc(error.message)}`; }
    return chartSvg(series.points ?? [], forecast) + `<p class="muted">${(series.points ?? []).length} point(s). ${note}${forecast ? ` Forecast: ${esc(forecast.low)}–${esc(forecast.high)} within ${esc(forecast.horizonMinutes)} min, threshold ${esc(forecast.threshold)}${forecast.etaMinutes != null ? `, reached in ~${esc(forecast.etaMinutes)} min` : ''} (confidence ${esc(forecast.confidence)}).` : ''}</p>`;
  });
  form.addEventListener('submit', e => { e.preventDefault(); plot(); });
  plot();
  onEvent((type, data) => { if (type === 'metric' && data.router === form.router.value && data.path === form.path.value) plot(); });
}

function chartSvg(points, forecast) {
  const w = 900, h = 220;
  if (points.length === 0) return '<p class="muted">No point in this range.</p>';
  const { d, min, max, scale } = chartPath(points, w, h, forecast ? [forecast.low, forecast.high, forecast.threshold] : []);
  let extra = '';
  if (forecast) {
    const x1 = scale.x(Date.parse(points.at(-1).t)), x0 = Math.max(35, x1 - 60);
    extra += `<rect class="band" x="${x0}" width="${x1 - x0 + 4}" y="${scale.y(forecast.high)}" height="${Math.max(1, scale.y(forecast.low) - scale.y(forecast.high))}"><title>forecast interval</title></rect>`;
    if (Number.isFinite(forecast.threshold)) extra += `<line class="threshold" x1="35" x2="${w - 5}" y1="${scale.y(forecast.threshold)}" y2="${scale.y(forecast.threshold)}"><title>threshold ${esc(forecast.threshold)}</title></line>`;
  }
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="Metric chart, ${points.length} points from ${esc(min)} to ${esc(max)}">
    <text x="2" y="12">${esc(+max.toFixed(3))}</text><text x="2" y="${h - 4}">${esc(+min.toFixed(3))}</text>${extra}<path class="series" d="${d}"/></svg>`;
}

async function metrics() {
  main().innerHTML = '<h1>Forecasts and metrics</h1><section class="panel" id="m-chart"></section><section class="panel"><h2>Forecasts</h2><div id="m-fc"></div></section>';
  const list = await api('/api/v1/routers').catch(() => []);
  const first = list[0]?.id ?? '';
  chartPanel(document.getElementById('m-chart'), first);
  section(document.getElementById('m-fc'), 'Forecasts', async () => table([['Path', f => esc(f.path)], ['Horizon', f => `${esc(f.horizonMinutes)} min`], ['Interval', f => `${esc(f.low)} – ${esc(f.high)}`], ['Threshold', f => esc(f.threshold)], ['ETA', f => f.etaMinutes == null ? '–' : `${esc(f.etaMinutes)} min`], ['Confidence', f => esc(f.confidence)]],
    await api(`/api/v1/forecasts?router=${encodeURIComponent(first)}`), 'No forecast.'));
}

// Incidents.
async function incidents() {
  main().innerHTML = `<h1>Incidents</h1><form id="inc-f" class="row"><label>State <select name="state"><option value="open">open</option><option value="">all</option><option>acknowledged</option><option>mitigating</option><option>resolved</option><option>closed</option></select></label><button>Show</button></form><section class="panel" id="inc"></section>`;
  const form = document.getElementById('inc-f');
  const load = () => section(document.getElementById('inc'), 'Incidents', async () => {
    const s = new FormData(form).get('state');
    return table([['Incident', i => `<a href="#/incidents/${esc(i.id)}">${esc(i.title)}</a>`], ['Severity', i => badge(i.severity)], ['State', i => badge(i.state)], ['Opened', i => time(i.openedAt)],
      ['Routers', i => esc((i.routers ?? []).join(', '))], ['Root cause', i => i.rootCause ? `${esc(i.rootCause.summary)} <span class="muted">(${pct(i.rootCause.confidence)})</span>` : ''], ['Ticket', ticket]],
      await api(`/api/v1/incidents${s ? `?state=${encodeURIComponent(s)}` : ''}`), 'No incident.');
  });
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  await load();
  onEvent(type => { if (type === 'incident') load(); });
}

const ticket = i => i.ticket ? `<a href="${esc(i.ticket.url)}" rel="noopener" target="_blank">${esc(i.ticket.system)} ${esc(i.ticket.key)}</a>` : '';

async function incident(id) {
  main().innerHTML = `<h1>Incident</h1><div id="inc-body"></div>`;
  const load = () => section(document.getElementById('inc-body'), 'Incident', async () => {
    const i = await api(`/api/v1/incidents/${encodeURIComponent(id)}`);
    const actions = await Promise.all((i.actionIds ?? []).map(a => api(`/api/v1/actions/${encodeURIComponent(a)}`).catch(error => ({ id: a, error }))));
    return `<section class="panel"><h2>${esc(i.title)}</h2><p>${badge(i.severity)} ${badge(i.state)} opened ${time(i.openedAt)} · routers ${esc((i.routers ?? []).join(', '))} ${ticket(i)}</p>
      ${can(state.roles, 'operator') && i.state === 'open' ? `<button type="button" id="ack">Acknowledge</button>` : ''}</section>
      <section class="panel"><h2>Root cause</h2>${i.rootCause ? `<p>${esc(i.rootCause.summary)} — confidence ${pct(i.rootCause.confidence)}</p><h2>Evidence</h2><pre>${esc(JSON.stringify(i.rootCause.evidence ?? [], null, 2))}</pre>` : '<p class="muted">Not determined yet.</p>'}</section>
      <section class="panel" data-testid="timeline"><h2>Timeline</h2>${table([['Time', e => time(e.at)], ['Event', e => esc(e.kind)], ['By', e => esc(e.actor ?? '')], ['Detail', e => esc(e.text)]], i.timeline ?? [], 'No timeline entry.')}</section>
      <section class="panel"><h2>Candidate actions and the twin's result</h2>${actions.length === 0 ? '<p class="muted">No action.</p>' : actions.map(actionCard).join('')}</section>`;
  });
  await load();
  document.getElementById('inc-body').addEventListener('click', async e => {
    if (e.target.id !== 'ack') return;
    try { await api(`/api/v1/incidents/${encodeURIComponent(id)}/ack`, { method: 'POST', body: {} }); load(); } catch (error) { e.target.insertAdjacentHTML('afterend', failure(error, 'Acknowledge')); }
  });
  onEvent((type, data) => { if ((type === 'incident' && data.id === id) || (type === 'action' && data.incidentId === id)) load(); });
}

function whatIfSummary(w) {
  if (!w) return '<p class="muted">No twin result.</p>';
  const checks = w.checks ?? {};
  const failed = Object.entries(checks).filter(([, v]) => Array.isArray(v) && v.length > 0);
  return `<p>${w.passed ? badge('passed') : badge('failed')} in ${esc(w.simulationMs)} ms · blast radius: ${pct(w.blastRadius?.prefixShare)} of prefixes, ${pct(w.blastRadius?.trafficShare)} of traffic, routers ${esc((w.blastRadius?.routers ?? []).join(', ') || 'none')}</p>
    <p>Checks: ${failed.length === 0 ? '<span class="s-up">all clear</span>' : failed.map(([k, v]) => `<span class="s-down">${esc(k)}: ${esc(v.length)}</span>`).join(', ')}</p>
    ${table([['Router', c => esc(c.router)], ['Prefix', c => esc(c.prefix)], ['Before', c => routeText(c.before)], ['After', c => routeText(c.after)]], w.changes ?? [], 'No best path changes.')}
    ${(w.predictedSla?.breaches ?? []).length ? `<p class="error">SLA: ${w.predictedSla.breaches.map(esc).join('; ')}</p>` : ''}
    ${(w.warnings ?? []).map(x => `<p class="na">${esc(x)}</p>`).join('')}${(w.errors ?? []).map(x => `<p class="error">${esc(x)}</p>`).join('')}`;
}

const routeText = r => r ? `via ${esc(r.nextHop)} [${esc((r.asPath ?? []).join(' '))}]${r.localPref != null ? ` lp ${esc(r.localPref)}` : ''}` : '<span class="s-down">none</span>';

function actionCard(a) {
  if (a.error) return `<article class="panel">${failure(a.error, `Action ${a.id}`)}</article>`;
  const left = countdown(a.expiresAt ?? a.approvalExpiresAt);
  const approvals = a.approvals ?? [];
  const mayDecide = can(state.roles, 'approver') && a.state === 'AWAITING_APPROVAL';
  return `<article class="panel action" data-action="${esc(a.id)}" data-state="${esc(a.state)}">
    <h2>${esc(a.action)} on ${esc(a.router)} ${badge(a.state)}</h2>
    <p>tier ${esc(a.tier)} · risk ${badge(a.risk)} · confidence ${pct(a.confidence)} · created ${time(a.createdAt)}${left ? ` · <span class="ttl" data-expires="${esc(a.expiresAt ?? a.approvalExpiresAt)}">expires in ${esc(left)}</span>` : ''}</p>
    <p>Params: <code>${esc(JSON.stringify(a.params ?? {}))}</code></p>
    ${a.rationale ? `<p>${esc(a.rationale)}</p>` : ''}${a.explanation ? `<p class="muted">${esc(a.explanation)}</p>` : ''}
    ${(a.violations ?? []).length ? `<p class="error">Guardrails: ${a.violations.map(esc).join('; ')}</p>` : ''}
    <p>Approvals <strong data-testid="approval-progress">${approvals.filter(x => x.verdict === 'approve' || x.verdict === 'approved').length}/${esc(a.requiredApprovals ?? 1)}</strong>
      ${approvals.map(x => `<br>${esc(x.by)}: ${esc(x.verdict)} ${time(x.at)} ${esc(x.comment ?? '')}`).join('')}</p>
    <details><summary>Twin result</summary>${whatIfSummary(a.whatIf)}</details>
    ${mayDecide ? `<div class="row decide"><label>Comment <input name="comment" size="30"></label>
      <button type="button" class="ok" data-do="approve">Approve</button><button type="button" class="danger" data-do="reject">Reject</button>
      <label>Params (JSON) <input name="params" size="30" value="${esc(JSON.stringify(a.params ?? {}))}"></label><button type="button" data-do="modify">Modify</button></div>` : ''}
  </article>`;
}

// Approvals: the queue, decided in place; a decision made elsewhere shows at once (action events).
async function approvals() {
  main().innerHTML = '<h1>Approvals</h1><div id="queue" class="cards"></div>';
  const queue = document.getElementById('queue');
  const load = () => section(queue, 'Approval queue', async () => {
    const waiting = await api('/api/v1/actions?state=AWAITING_APPROVAL');
    return waiting.length === 0 ? '<p class="muted">Nothing waits for approval.</p>' : waiting.map(actionCard).join('');
  });
  await load();
  queue.addEventListener('click', async e => {
    const verb = e.target.dataset?.do;
    if (!verb) return;
    const card = e.target.closest('[data-action]');
    const comment = card.querySelector('[name=comment]').value;
    let body = { comment };
    if (verb === 'modify') {
      try { body = { params: JSON.parse(card.querySelector('[name=params]').value), comment }; } catch { card.insertAdjacentHTML('beforeend', '<p class="error" role="alert">Params must be JSON.</p>'); return; }
    }
    try {
      const id = card.dataset.action;
      const updated = await api(`/api/v1/actions/${encodeURIComponent(id)}/${verb}`, { method: 'POST', body });
      card.outerHTML = actionCard(updated?.id ? updated : await api(`/api/v1/actions/${encodeURIComponent(id)}`));
    } catch (error) { card.insertAdjacentHTML('beforeend', failure(error, verb)); }
  });
  onEvent((type, data) => {
    if (type !== 'action') return;
    const card = queue.querySelector(`[data-action="${CSS.escape(data.id)}"]`);
    if (card) card.outerHTML = actionCard(data); else if (data.state === 'AWAITING_APPROVAL') load();
  });
  state.timers.push(setInterval(() => queue.querySelectorAll('.ttl').forEach(t => { t.textContent = `expires in ${countdown(t.dataset.expires)}`; }), 1000));
}

// Audit: filters, and verification with the first broken entry highlighted.
async function audit() {
  main().innerHTML = `<h1>Audit</h1><form id="au-f" class="row">
    <label>From <input name="from" type="datetime-local"></label><label>To <input name="to" type="datetime-local"></label>
    <label>Action id <input name="actionId" size="20"></label><label>Limit <input name="limit" type="number" value="200" min="1"></label>
    <button type="submit">Show</button><button type="button" id="verify">Verify chain</button></form>
    <div id="au-verify" aria-live="polite"></div><section class="panel" id="au"></section>`;
  const form = document.getElementById('au-f');
  let broken = null;
  const load = () => section(document.getElementById('au'), 'Audit log', async () => {
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) q.set(k, k === 'from' || k === 'to' ? new Date(v).toISOString() : v);
    const entries = (await api(`/api/v1/audit?${q}`)).map(e => ({ ...e, __attrs: e.seq === broken ? ' class="broken" data-testid="broken-entry"' : '' }));
    return table([['Seq', e => esc(e.seq)], ['At', e => time(e.at)], ['Actor', e => esc(e.actor)], ['Kind', e => esc(e.kind)], ['Action', e => esc(e.actionId ?? '')], ['Decision', e => esc(e.decision)],
      ['Detail', e => esc(typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail))], ['Hash', e => `<code title="prev ${esc(e.prevHash)}">${esc(String(e.hash).slice(0, 12))}</code>`]], entries, 'No entry.');
  });
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  document.getElementById('verify').addEventListener('click', () => section(document.getElementById('au-verify'), 'Verification', async () => {
    const v = await api('/api/v1/audit/verify');
    broken = v.firstBrokenSeq ?? null;
    await load();
    return v.valid ? `<p class="panel s-up" data-testid="audit-valid">Chain verified: ${esc(v.entries)} entries, every hash matches.</p>`
      : `<p class="panel s-down" data-testid="audit-invalid" role="alert">Chain BROKEN at entry ${esc(v.firstBrokenSeq)} (of ${esc(v.entries)}).</p>`;
  }));
  await load();
  onEvent(type => { if (type === 'audit') load(); });
}

// Autonomy: phase per scope, kill switch with confirmation, rate limits.
async function autonomy() {
  main().innerHTML = `<h1>Autonomy</h1><section class="panel" id="auto"></section>
    <section class="panel" aria-labelledby="fl-h"><h2 id="fl-h">Recent actions</h2><div id="inflight" data-testid="inflight"></div></section>`;
  const element = document.getElementById('auto');
  // What the loop is doing: the newest actions with their state and what each waits for (a kill switch shows here).
  const inflight = document.getElementById('inflight');
  const loadActions = () => section(inflight, 'Actions', async () => table([
    ['Action', a => `${esc(a.action)} on ${esc(a.router)}`], ['Tier', a => esc(a.tier ?? '')], ['State', a => `<span data-testid="action-state">${badge(a.state)}</span>`],
    ['Waiting for', a => esc(a.waiting ?? '')], ['Created', a => time(a.createdAt)]],
    (await api('/api/v1/actions')).slice(-10).reverse().map(a => ({ ...a, __attrs: ` data-inflight="${esc(a.id)}" data-state="${esc(a.state)}"` })), 'No action yet.'));
  loadActions();
  onEvent(type => { if (type === 'action') loadActions(); });
  state.timers.push(setInterval(loadActions, 2000));
  const load = () => section(element, 'Autonomy', async () => {
    const a = await api('/api/v1/autonomy');
    const admin = can(state.roles, 'admin');
    return `${autonomySummary(a).replace(/<p><a href="#\/autonomy">.*<\/a><\/p>/, '')}
      ${admin ? `<div class="row"><label>Phase <select id="phase">${['passive', 'semi', 'autonomous'].map(p => `<option${p === a.phase ? ' selected' : ''}>${p}</option>`).join('')}</select></label>
        <button type="button" id="set-phase">Set phase</button>
        <button type="button" id="kill" class="danger" data-engaged="${a.killSwitch}">${a.killSwitch ? 'Release kill switch' : 'Engage kill switch'}</button></div>` : '<p class="muted">Only an admin changes autonomy.</p>'}
      <h2>Scopes</h2>${table([['Scope', s => esc(s.scope ?? s.name ?? JSON.stringify(s))], ['Phase', s => badge(s.phase ?? a.phase)], ['Rate limit', s => s.rateLimit ? `${esc(s.rateLimit.used ?? '?')}/${esc(s.rateLimit.limit ?? s.rateLimit.max ?? '?')} ${esc(s.rateLimit.window ?? '')}` : esc(s.used != null ? `${s.used}/${s.limit}` : '–')]], a.scopes ?? [], 'No scope.')}
      <dialog id="confirm"><form method="dialog"><p id="confirm-text"></p><div class="row"><button value="cancel">Cancel</button><button value="ok" class="danger">Confirm</button></div></form></dialog>`;
  });
  await load();
  element.addEventListener('click', async e => {
    if (e.target.id === 'set-phase') {
      const current = await api('/api/v1/autonomy');
      try { await api('/api/v1/autonomy', { method: 'PUT', body: { ...current, phase: document.getElementById('phase').value } }); load(); } catch (error) { element.insertAdjacentHTML('beforeend', failure(error, 'Set phase')); }
    }
    if (e.target.id === 'kill') {
      const engage = e.target.dataset.engaged !== 'true';
      const dialog = document.getElementById('confirm');
      document.getElementById('confirm-text').textContent = engage ? 'Engage the kill switch? Every automatic action stops until it is released.' : 'Release the kill switch? Automatic actions resume under the current phase.';
      dialog.showModal();
      dialog.addEventListener('close', async () => {
        if (dialog.returnValue !== 'ok') return;
        try { const current = await api('/api/v1/autonomy'); await api('/api/v1/autonomy', { method: 'PUT', body: { ...current, killSwitch: engage } }); load(); }
        catch (error) { element.insertAdjacentHTML('beforeend', failure(error, 'Kill switch')); }
      }, { once: true });
    }
  });
}

// Shadow and learning: agreement per tier, the graduation bar, the A/B of each policy, and training runs.
async function learning() {
  main().innerHTML = `<h1>Shadow &amp; learning</h1><section class="panel" aria-labelledby="sh-h"><h2 id="sh-h">Shadow mode</h2><div id="shadow" data-testid="shadow"></div></section>
    <section class="panel" aria-labelledby="ln-h"><h2 id="ln-h">Training runs</h2><div id="runs" data-testid="runs"></div></section>`;
  const shadow = document.getElementById('shadow'), runs = document.getElementById('runs');
  const loadShadow = () => section(shadow, 'Shadow statistics', async () => {
    const s = await api('/api/v1/shadow/stats');
    const tiers = ['T1', 'T2', 'T3'].map(t => `${t} ${pct(s.agreement?.[t])}`).join(' · ');
    return `<p>${esc(s.totalDecisions)} recommendation(s), ${esc(s.reviewed)} reviewed · agreement ${pct(s.agreement?.overall)} (${tiers}) · mean reward ${s.rewardAvg == null ? '–' : esc(s.rewardAvg.toFixed(2))}</p>
      <p>Graduation (≥ 90 % agreement over the last 30 reviewed T1 decisions): ${s.readyForProduction ? badge('ready') : badge('not-ready')} — ${esc(s.t1Window)} in the window, agreement ${pct(s.t1WindowAgreement)}</p>
      <h3>A/B per policy</h3>${table([['Policy', p => esc(p.policy)], ['Decisions', p => esc(p.decisions)], ['Reviewed', p => esc(p.reviewed)], ['Agreement', p => pct(p.agreement)], ['Mean reward', p => p.rewardAvg == null ? '–' : esc(p.rewardAvg.toFixed(2))]], s.perPolicy ?? [], 'No policy has recommended anything yet.')}
      <h3>Graduations and demotions</h3>${table([['When', g => time(g.at)], ['Change', g => g.ready ? badge('graduated') : badge('demoted')], ['T1 agreement', g => pct(g.agreement)]], s.graduations ?? [], 'None yet.')}`;
  });
  const admin = can(state.roles, 'admin');
  const loadRuns = () => section(runs, 'Training runs', async () => {
    const list = await api('/api/v1/learning/runs');
    return (admin ? '<div class="row"><button type="button" id="train">Train a new version</button></div>' : '<p class="muted">Only an admin trains and promotes.</p>') +
      table([['Version', r => `v${esc(r.modelVersion)}`], ['Avg reward', r => esc(r.avgReward.toFixed(3))], ['Production', r => esc(r.productionReward.toFixed(3))], ['Shadow agreement', r => pct(r.agreementRate)],
        ['Episodes', r => `${esc(r.episodes)} / ${esc(r.heldOutEpisodes)} held out`], ['Promoted', r => r.promoted ? badge('promoted') : (admin ? `<button type="button" data-promote="${esc(r.modelVersion)}">Promote</button>` : '')],
        ['Trained on', r => `<small>${esc(r.trainedOn ?? '')}</small>`], ['Why', r => `<small>${esc(r.reason)}</small>`]], [...list].reverse(), 'No training run yet.');
  });
  runs.addEventListener('click', async e => {
    try {
      if (e.target.id === 'train') { e.target.disabled = true; e.target.textContent = 'Training…'; await api('/api/v1/learning/runs', { method: 'POST', body: {} }); }
      else if (e.target.dataset.promote) await api(`/api/v1/learning/models/${e.target.dataset.promote}/promote`, { method: 'POST' });
      else return;
      loadRuns();
    } catch (error) { runs.insertAdjacentHTML('afterbegin', failure(error, e.target.id === 'train' ? 'Training' : 'Promotion')); }
  });
  onEvent(type => { if (type === 'action') loadShadow(); });
  loadShadow(); loadRuns();
}

// Assistant: questions answered from live state with their sources; an intent becomes a proposal judged by the twin and
// governance, which an operator may submit as an action — into the same workflow, with the caller's own role.
async function assistant() {
  const operator = can(state.roles, 'operator');
  main().innerHTML = `<h1>Assistant</h1>
    <section class="panel" aria-labelledby="ask-h"><h2 id="ask-h">Ask</h2><form id="ask" class="row"><label>Question <input name="question" size="50" required placeholder="what's wrong with R2?"></label><button type="submit">Ask</button></form>
      <div id="answer" data-testid="answer" aria-live="polite"></div></section>
    <section class="panel" aria-labelledby="int-h"><h2 id="int-h">Intent</h2>${operator ? `<form id="intent" class="row"><label>Change <input name="text" size="50" required placeholder="move 8.8.8.0/24 off ISP-A on R1"></label><button type="submit">Propose</button></form>` : '<p class="muted">Only an operator turns an intent into a proposal.</p>'}
      <div id="proposal" data-testid="proposal" aria-live="polite"></div></section>`;
  document.getElementById('ask').addEventListener('submit', e => {
    e.preventDefault();
    const question = e.target.question.value;
    section(document.getElementById('answer'), 'Ask', async () => {
      const a = await api('/api/v1/assistant/ask', { method: 'POST', body: { question } });
      return `<p>${esc(a.answer)}</p><p class="muted">${badge(a.mode)} sources: ${(a.sources ?? []).map(x => `<code>${esc(x)}</code>`).join(' ') || 'none'}</p>`;
    });
  });
  if (!operator) return;
  const proposal = document.getElementById('proposal');
  let proposed = null, text = '';
  document.getElementById('intent').addEventListener('submit', e => {
    e.preventDefault();
    text = e.target.text.value;
    section(proposal, 'Intent', async () => {
      const r = await api('/api/v1/assistant/intent', { method: 'POST', body: { text } });
      proposed = r.understood ? r.proposed : null;
      if (!proposed) return `<p class="na">${esc(r.explanation)}</p>`;
      const g = r.governance, w = r.whatIf;
      return `<p><strong>${esc(proposed.action)}</strong> on ${esc(proposed.router)} <code>${esc(JSON.stringify(proposed.params ?? {}))}</code></p><p>${esc(r.explanation)}</p>
        ${w ? `<p>Twin: ${w.passed ? badge('passed') : badge('failed')} · ${pct(w.prefixShare)} of prefixes · ${esc(w.changedPaths)} best path(s) change · routers ${esc((w.routers ?? []).join(', ') || 'none')}${(w.errors ?? []).map(x => `<br><span class="error">${esc(x)}</span>`).join('')}</p>` : ''}
        ${g ? `<p>Governance: <span data-testid="verdict">${badge(g.verdict)}</span> tier ${esc(g.tier)} · risk ${badge(g.risk)}${(g.violations ?? []).length ? ` · <span class="error">${g.violations.map(esc).join('; ')}</span>` : ''}</p>` : ''}
        <div class="row"><button type="button" id="submit-proposal">Submit as action</button></div>`;
    });
  });
  proposal.addEventListener('click', async e => {
    if (e.target.id !== 'submit-proposal' || !proposed) return;
    try {
      const a = await api('/api/v1/actions', { method: 'POST', body: { router: proposed.router, action: proposed.action, params: proposed.params ?? {}, reason: `assistant: ${text}` } });
      e.target.outerHTML = `<p data-testid="submitted">Action <code>${esc(a.id)}</code> ${badge(a.state)} — it follows the same workflow as any other (see <a href="#/autonomy">Autonomy</a> and <a href="#/approvals">Approvals</a>).</p>`;
    } catch (error) { proposal.insertAdjacentHTML('beforeend', failure(error, 'Submit')); }
  });
}

// What-if: compose changes from the catalogue and run them on the twin.
const CATALOGUE = ['LOCAL_PREF_ADJUST', 'MED_ADJUST', 'COMMUNITY_TAG', 'AS_PATH_PREPEND', 'NEXT_HOP_CHANGE', 'PEER_ACTIVATE', 'PEER_DEACTIVATE', 'PREFIX_FILTER', 'ISP_FAILOVER', 'FULL_REROUTE', 'DEPEER', 'NO_ACTION'];
const EXTERNAL = ['LINK_DOWN', 'LINK_UP', 'ROUTER_DOWN', 'ISP_WITHDRAW', 'ISP_ANNOUNCE'];
const PARAMS = ['peer', 'direction', 'prefixes', 'localPref', 'med', 'prependCount', 'prependAs', 'community', 'mode'];

async function whatif() {
  main().innerHTML = `<h1>What-if</h1><section class="panel"><h2>Changes</h2><form id="wi"><div id="wi-rows"></div>
    <div class="row"><button type="button" id="wi-add">Add change</button><button type="submit" class="ok">Run on the twin</button></div></form></section>
    <section class="panel" aria-live="polite"><h2>Result</h2><div id="wi-result" data-testid="whatif-result"><p class="muted">Compose changes and run them. Nothing reaches a router.</p></div></section>`;
  const topology = await api('/api/v1/topology').catch(() => ({ nodes: [] }));
  const ids = topology.nodes.map(n => n.id);
  const rows = document.getElementById('wi-rows');
  const addRow = () => {
    const n = rows.children.length;
    rows.insertAdjacentHTML('beforeend', `<fieldset class="row change"><legend>Change ${n + 1}</legend>
      <label>Router <input name="router" list="wi-nodes" value="${esc(ids.find(i => i.startsWith('R')) ?? ids[0] ?? '')}" required size="8"></label>
      <label>Action <select name="action">${CATALOGUE.map(a => `<option>${a}</option>`).join('')}<optgroup label="External events (imagined)">${EXTERNAL.map(a => `<option>${a}</option>`).join('')}</optgroup></select></label>
      ${PARAMS.map(p => p === 'direction' ? `<label>direction <select name="direction"><option></option><option>in</option><option>out</option></select></label>`
        : p === 'mode' ? `<label>mode <select name="mode"><option></option><option>add</option><option>remove</option><option>replace</option></select></label>`
        : `<label>${p} <input name="${p}" size="${p === 'prefixes' ? 18 : 8}"></label>`).join('')}
      <button type="button" class="remove" aria-label="Remove change ${n + 1}">✕</button></fieldset>`);
  };
  rows.insertAdjacentHTML('beforebegin', `<datalist id="wi-nodes">${ids.map(i => `<option value="${esc(i)}">`).join('')}</datalist>`);
  addRow();
  document.getElementById('wi-add').addEventListener('click', addRow);
  rows.addEventListener('click', e => { if (e.target.classList.contains('remove') && rows.children.length > 1) e.target.closest('fieldset').remove(); });
  document.getElementById('wi').addEventListener('submit', e => {
    e.preventDefault();
    const changes = [...rows.querySelectorAll('fieldset')].map(f => ({
      router: f.querySelector('[name=router]').value.trim(), action: f.querySelector('[name=action]').value,
      params: changeParams(Object.fromEntries(PARAMS.map(p => [p, f.querySelector(`[name=${p}]`).value]))),
    }));
    const out = document.getElementById('wi-result');
    out.innerHTML = '<p class="muted">Simulating…</p>';
    section(out, 'What-if', async () => whatIfSummary(await api('/api/v1/twin/whatif', { method: 'POST', body: { changes } })));
  });
}

// ---------- start ----------
window.addEventListener('hashchange', route);
if (await signIn()) route();
