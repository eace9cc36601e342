// The portal's logic that does not touch the page: SSE parsing, topology layout and live patching, formatting.
// Kept apart so the browser tests can call it directly.

/** Parses a text/event-stream incrementally (WHATWG HTML §9.2.6): push chunks, get complete events back. */
export class SseParser {
  constructor() { this.buffer = ''; this.reset(); }
  reset() { this.type = ''; this.data = []; this.id = null; }
  push(chunk) {
    this.buffer += chunk;
    const events = [];
    let newline;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const skip = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      // A lone \r at the end may be the first half of \r\n: wait for more.
      if (skip === 1 && this.buffer[newline] === '\r' && newline === this.buffer.length - 1) break;
      this.buffer = this.buffer.slice(newline + skip);
      if (line === '') {
        if (this.data.length > 0) events.push({ type: this.type || 'message', data: this.data.join('\n'), id: this.id });
        this.reset();
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.type = value;
      else if (field === 'data') this.data.push(value);
      else if (field === 'id' && !value.includes('\0')) this.id = value;
    }
    return events;
  }
}

/** Escapes text for HTML. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

const tierOf = node => node.kind === 'isp' ? 0 : node.role === 'edge' ? 1 : node.role === 'route-reflector' ? 2 : 3;

/**
 * Places nodes in tiers (ISPs, edge, reflectors, the rest), wrapping long tiers into rows, so a 5-router network
 * reads like a diagram and a 1,000-router one still fits. Returns { width, height, at: Map(id → {x, y}) }.
 */
export function layout(nodes) {
  const tiers = [[], [], [], []];
  for (const node of nodes) tiers[tierOf(node)].push(node);
  const perRow = Math.max(6, Math.ceil(Math.sqrt(nodes.length) * 1.6));
  const gapX = nodes.length > 200 ? 40 : 150, gapY = nodes.length > 200 ? 40 : 110, radius = nodes.length > 200 ? 8 : 22;
  const width = Math.max(...tiers.map(t => Math.min(t.length, perRow)), 1) * gapX + gapX;
  const at = new Map();
  let y = gapY / 1.5;
  for (const tier of tiers) {
    for (let i = 0; i < tier.length; i += perRow) {
      const row = tier.slice(i, i + perRow);
      const offset = (width - row.length * gapX) / 2 + gapX / 2;
      row.forEach((node, j) => at.set(node.id, { x: offset + j * gapX, y }));
      y += gapY;
    }
  }
  return { width, height: y, radius, at };
}

/** The key of a link, whichever end is named first. */
export function linkKey(a, b) { return a < b ? `${a}~${b}` : `${b}~${a}`; }

/**
 * Applies a live `peer` event ({ router, peerName, state }) to the topology's links: the link between the router and
 * the named peer takes up or down. Returns the changed link, or null when the event names no link of the topology.
 */
export function applyPeerEvent(topology, peer) {
  if (!peer || !peer.router || !peer.peerName) return null;
  const key = linkKey(peer.router, peer.peerName);
  const link = topology.links.find(l => linkKey(l.a, l.b) === key);
  if (!link) return null;
  link.state = peer.state === 'established' ? 'up' : 'down';
  return link;
}

/** Applies a live `router` event to the topology's nodes. */
export function applyRouterEvent(topology, router) {
  const node = topology.nodes.find(n => n.id === router?.id);
  if (!node) return null;
  node.status = router.status;
  return node;
}

/** "mm:ss" until a deadline, "expired" after it; null without one. */
export function countdown(expiresAt, now = Date.now()) {
  if (!expiresAt) return null;
  const left = Math.floor((Date.parse(expiresAt) - now) / 1000);
  if (!(left > 0)) return 'expired';
  const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
  return (h > 0 ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + `:${String(s).padStart(2, '0')}`;
}

/** The open incidents counted per severity, most severe first. */
export function bySeverity(incidents) {
  const order = ['critical', 'major', 'minor', 'info'];
  const counts = Object.fromEntries(order.map(s => [s, 0]));
  for (const incident of incidents) if (incident.severity in counts) counts[incident.severity]++;
  return order.map(severity => ({ severity, count: counts[severity] }));
}

/** Whether the caller holds a role: whoami lists every role a key has, a higher one including those below it. */
export function can(roles, role) { return Array.isArray(roles) && roles.includes(role); }

/** Parses the what-if composer's comma lists and numbers into API params, leaving out what is empty. */
export function changeParams(fields) {
  const params = {};
  for (const [key, raw] of Object.entries(fields)) {
    const value = String(raw ?? '').trim();
    if (value === '') continue;
    if (key === 'prefixes') params.prefixes = value.split(/[\s,]+/).filter(Boolean);
    else if (['localPref', 'med', 'prependCount', 'prependAs'].includes(key)) params[key] = Number(value);
    else params[key] = value;
  }
  return params;
}

/** Scales points [{t, v}] (plus optional forecast band and threshold) into an SVG path of width × height. */
export function chartPath(points, width, height, extra = []) {
  if (points.length === 0) return { d: '', min: 0, max: 0, scale: null };
  const ts = points.map(p => Date.parse(p.t)), vs = points.map(p => p.v).concat(extra.filter(Number.isFinite));
  const t0 = Math.min(...ts), t1 = Math.max(...ts, t0 + 1), min = Math.min(...vs), max = Math.max(...vs, min + 1e-9);
  const x = t => ((t - t0) / (t1 - t0)) * (width - 40) + 35, y = v => height - 15 - ((v - min) / (max - min)) * (height - 30);
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(Date.parse(p.t)).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
  return { d, min, max, scale: { x, y } };
}
