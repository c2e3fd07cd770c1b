/*
 * The operators' console: one page, a view per hash (#orders, #order/<id>, #products,
 * #dead-letters, #system, #audit), every figure read from the admin API with the browser's own
 * HTTP Basic credentials. Changes are same-origin fetch() calls, which the API accepts.
 *
 * Card keys: the console never reads a key back. Uploaded keys go straight from the form to the
 * API and the form is emptied; sealed keys in the audit's payloads are replaced before display.
 * Nothing here writes to the browser console.
 */
(function () {
  'use strict';

  const I18N = window.CardflowAdminI18n;
  const t = I18N.t;

  const STATUSES = ['PLACED', 'PENDING_PAYMENT', 'PAID', 'DELIVERED', 'CANCELLED', 'REFUNDING', 'REFUNDED'];
  const TERMINAL = ['DELIVERED', 'CANCELLED', 'REFUNDED'];
  const VIEWS = ['orders', 'order', 'products', 'coupons', 'dead-letters', 'alerts', 'system', 'audit', 'dashboard'];
  const ALERT_KINDS = ['order-stuck', 'order-refunded', 'refund-failed', 'circuit-open', 'unmatched-payment',
    'low-stock', 'dead-letter'];
  const ORDER_POLL_MS = 2000;
  const SYSTEM_POLL_MS = 4000;

  /** What each compensation asks for and sends. */
  const ACTIONS = {
    'retry-fulfilment': { reason: 'optional', danger: false, body: (f) => (f.reason ? { reason: f.reason } : {}) },
    refund: { reason: 'required', danger: true, body: (f) => ({ reason: f.reason }) },
    cancel: { reason: 'required', danger: true, body: (f) => ({ reason: f.reason }) },
    'confirm-payment': { reason: 'note', trade: true, danger: false,
      body: (f) => ({ pspTradeNo: f.trade, note: f.reason }) },
    'resend-delivery-notification': { reason: 'none', danger: false, body: () => undefined }
  };

  const state = {
    view: null,
    orders: null,
    ordersPage: 0,
    ordersRequest: 0,
    ordersError: null,
    order: null,
    orderId: null,
    orderError: null,
    audit: null,
    auditError: null,
    auditVersion: null,
    products: null,
    productsError: null,
    createdProducts: [],
    deadLetters: null,
    alerts: null,
    alertsError: null,
    deadError: null,
    unmatched: null,
    unmatchedError: null,
    projections: null,
    projectionsError: null,
    breakers: null,
    breakersError: null,
    bulk: null,
    timer: null,
    pollGeneration: 0,
    outcomes: {},
    dialog: null,
    firstRoute: true
  };

  // ---------------------------------------------------------------- helpers

  const $ = (selector, root) => (root || document).querySelector(selector);

  /** An element with attributes and children; text goes in as text, never as HTML. */
  function h(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'class') {
        node.className = value;
      } else if (name === 'text') {
        node.textContent = value;
      } else if (name.startsWith('on') && typeof value === 'function') {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    children.flat().forEach((child) => {
      if (child === null || child === undefined || child === false) {
        return;
      }
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  function announce(message) {
    const announcer = $('#announcer');
    announcer.textContent = '';
    window.setTimeout(() => { announcer.textContent = message; }, 50);
  }

  function time(iso) {
    if (!iso) {
      return h('span', { class: 'muted', text: '—' });
    }
    return h('time', { datetime: iso, title: iso, text: I18N.formatTime(iso) });
  }

  function money(amount, currency) {
    if (amount === null || amount === undefined) {
      return '—';
    }
    return I18N.formatMoney(amount, currency);
  }

  function statusBadge(status) {
    return h('span', { class: 'badge status-' + String(status).toLowerCase(), 'data-status': status,
      text: t('status.' + status) });
  }

  function shortType(type) {
    const name = String(type || '');
    return name.slice(name.lastIndexOf('.') + 1) || '—';
  }

  /** Copies each column's header into its cells, for the narrow layout that stacks a row. */
  function labelCells(table) {
    const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim());
    table.querySelectorAll('tbody tr').forEach((row) => {
      Array.from(row.children).forEach((cell, i) => {
        if (headers[i] && !cell.hasAttribute('colspan')) {
          cell.setAttribute('data-label', headers[i]);
        }
      });
    });
  }

  function emptyRow(table, message, kind) {
    const columns = table.querySelectorAll('thead th').length;
    return h('tr', { class: 'empty' }, h('td', { colspan: columns, class: kind || 'muted', text: message }));
  }

  // ---------------------------------------------------------------- the API

  /** One call to the admin API; never throws. Problems (RFC 9457) come back as {status, detail}. */
  async function api(method, path, body, contentType) {
    const headers = { Accept: 'application/json, application/problem+json' };
    let payload;
    if (body !== undefined) {
      if (contentType === 'text/plain') {
        headers['Content-Type'] = 'text/plain;charset=UTF-8';
        payload = body;
      } else {
        headers['Content-Type'] = 'application/json';
        payload = JSON.stringify(body);
      }
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
    } catch (e) {
      return { ok: false, status: 0, data: null, detail: t('error.network') };
    }
    let data = null;
    try {
      const text = await response.text();
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = null;
    }
    const detail = response.ok ? null
      : (data && (data.detail || data.title)) || response.statusText || t('error.unknown');
    return { ok: response.ok, status: response.status, data, detail };
  }

  function failure(result) {
    if (result.status === 0) {
      return result.detail;
    }
    if (result.status === 401) {
      return t('error.unauthorized');
    }
    return t('error.status', { status: result.status, detail: result.detail });
  }

  // ---------------------------------------------------------------- outcomes

  /** Shows an action's outcome where it happened; the announcer (a live region) tells screen readers. */
  function outcome(targetId, kind, message) {
    const target = document.getElementById(targetId);
    state.outcomes[targetId] = { kind, message };
    clear(target).append(h('p', { class: 'notice ' + kind, 'data-kind': kind, text: message }));
    announce(message);
  }

  function actionOutcome(result, acceptedMessage) {
    if (result.ok) {
      return { kind: 'ok', message: acceptedMessage };
    }
    if (result.status === 409) {
      return { kind: 'warn', message: t('outcome.refused', { status: result.status, detail: result.detail }) };
    }
    return { kind: 'error', message: failure(result) };
  }

  // ---------------------------------------------------------------- routing

  function parseRoute() {
    const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (hash.startsWith('order/') && hash.length > 6) {
      return { view: 'order', arg: hash.slice(6) };
    }
    return { view: VIEWS.includes(hash) && hash !== 'order' ? hash : 'orders', arg: null };
  }

  function route() {
    const { view, arg } = parseRoute();
    stopPolling();
    state.view = view;
    document.querySelectorAll('main > .view').forEach((section) => {
      section.hidden = section.dataset.view !== view;
    });
    const tab = view === 'order' ? 'orders' : view;
    document.querySelectorAll('.tabs a').forEach((link) => {
      if (link.dataset.view === tab) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    });
    updateTitle();
    if (!state.firstRoute) {
      const heading = $('#view-' + view + ' h1');
      if (heading) {
        heading.focus({ preventScroll: false });
      }
    }
    state.firstRoute = false;
    window.scrollTo(0, 0);

    if (view === 'orders') {
      loadOrders();
    } else if (view === 'order') {
      openOrder(arg);
    } else if (view === 'products') {
      loadProducts();
    } else if (view === 'coupons') {
      loadCoupons();
    } else if (view === 'dead-letters') {
      loadDeadLetters();
    } else if (view === 'alerts') {
      loadAlerts();
      poll(loadAlerts, SYSTEM_POLL_MS);
    } else if (view === 'system') {
      loadSystem();
      poll(loadSystem, SYSTEM_POLL_MS);
    } else if (view === 'audit') {
      renderBulk();
    } else if (view === 'dashboard' && window.CardflowDashboard) {
      window.CardflowDashboard.open();
    }
  }

  function updateTitle() {
    const names = {
      orders: 'nav.orders', order: 'order.heading', products: 'nav.products', coupons: 'nav.coupons',
      'dead-letters': 'nav.deadLetters', alerts: 'nav.alerts', system: 'nav.system', audit: 'nav.audit',
      dashboard: 'nav.dashboard'
    };
    document.title = t(names[state.view] || 'nav.orders') + ' — ' + t('common.title');
  }

  /** Calls load() every so often while the view stays open (and the tab is visible). */
  function poll(load, every) {
    stopPolling();
    const generation = state.pollGeneration;
    const tick = async () => {
      if (!document.hidden) {
        await load(true);
      }
      if (generation === state.pollGeneration) {
        state.timer = window.setTimeout(tick, every);
      }
    };
    state.timer = window.setTimeout(tick, every);
  }

  function stopPolling() {
    if (state.timer !== null) {
      window.clearTimeout(state.timer);
    }
    state.timer = null;
    state.pollGeneration += 1;
  }

  // ---------------------------------------------------------------- orders

  function ordersQuery() {
    const form = $('#orders-filter');
    const params = new URLSearchParams();
    if (form.stuck.checked) {
      params.set('stuck', 'true');
    } else {
      if (form.q.value.trim()) {
        params.set('q', form.q.value.trim());
      }
      if (form.status.value) {
        params.set('status', form.status.value);
      }
      if (form.olderThan.value) {
        params.set('olderThan', form.olderThan.value);
      }
    }
    params.set('page', String(state.ordersPage));
    params.set('size', form.size.value);
    return params;
  }

  async function loadOrders() {
    const summary = $('#orders-summary');
    summary.textContent = t('common.loading');
    $('#orders-table').setAttribute('aria-busy', 'true');
    // only the latest request counts: an earlier, slower answer must not overwrite a newer filter's
    const request = ++state.ordersRequest;
    const result = await api('GET', '/admin/api/orders?' + ordersQuery());
    if (request !== state.ordersRequest) {
      return;
    }
    $('#orders-table').setAttribute('aria-busy', 'false');
    state.orders = result.ok ? result.data : null;
    state.ordersError = result.ok ? null : failure(result);
    renderOrders();
  }

  function renderOrders() {
    const table = $('#orders-table');
    const body = clear($('tbody', table));
    const summary = $('#orders-summary');
    const pageLabel = $('#orders-page');
    if (state.ordersError) {
      summary.textContent = '';
      body.append(emptyRow(table, state.ordersError, 'error'));
      return;
    }
    if (!state.orders) {
      return;
    }
    const { page, size, orders } = state.orders;
    summary.textContent = orders.length === 0 ? ''
      : t('orders.showing', { from: page * size + 1, to: page * size + orders.length });
    pageLabel.textContent = t('orders.page', { page: page + 1 });
    $('#orders-prev').disabled = page === 0;
    $('#orders-next').disabled = orders.length < size;
    if (orders.length === 0) {
      body.append(emptyRow(table, t('orders.none')));
    }
    orders.forEach((order) => {
      body.append(h('tr', { 'data-order-id': order.orderId },
        h('td', { class: 'id' }, h('a', { href: '#order/' + encodeURIComponent(order.orderId), class: 'mono',
          'aria-label': t('orders.open', { id: order.orderId }) }, order.orderId)),
        h('td', {}, statusBadge(order.status)),
        h('td', {}, order.productName || order.productId, h('span', { class: 'muted', text: ' × ' + order.quantity })),
        h('td', { class: 'num' }, money(order.amount, order.currency)),
        h('td', { class: 'email' }, order.email || '—'),
        h('td', {}, time(order.placedAt)),
        h('td', {}, h('span', { title: order.statusSince || '', text: I18N.formatAge(order.statusSince) }))));
    });
    labelCells(table);
  }

  function setUpOrders() {
    const form = $('#orders-filter');
    const stuck = $('#filter-stuck');
    const syncStuck = () => {
      ['q', 'status', 'olderThan'].forEach((name) => { form[name].disabled = stuck.checked; });
    };
    stuck.addEventListener('change', syncStuck);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      state.ordersPage = 0;
      loadOrders();
    });
    form.addEventListener('reset', () => {
      window.setTimeout(() => {
        syncStuck();
        state.ordersPage = 0;
        loadOrders();
      }, 0);
    });
    $('#orders-refresh').addEventListener('click', loadOrders);
    $('#orders-prev').addEventListener('click', () => {
      state.ordersPage = Math.max(0, state.ordersPage - 1);
      loadOrders();
    });
    $('#orders-next').addEventListener('click', () => {
      state.ordersPage += 1;
      loadOrders();
    });
    fillStatusSelect();
  }

  function fillStatusSelect() {
    const select = $('#filter-status');
    const chosen = select.value;
    clear(select).append(h('option', { value: '', text: t('orders.allStatuses') }));
    STATUSES.forEach((status) => select.append(h('option', { value: status, text: t('status.' + status) })));
    select.value = chosen;
  }

  // ---------------------------------------------------------------- one order

  function openOrder(orderId) {
    if (state.orderId !== orderId) {
      state.order = null;
      state.audit = null;
      state.auditVersion = null;
      state.orderError = null;
      state.auditError = null;
      delete state.outcomes['action-outcome'];
      clear($('#action-outcome'));
    }
    state.orderId = orderId;
    $('#order-id').textContent = orderId;
    renderOrder();
    loadOrder();
    poll(loadOrder, ORDER_POLL_MS);
  }

  async function loadOrder(quiet) {
    const orderId = state.orderId;
    const result = await api('GET', '/admin/api/orders?size=1&q=' + encodeURIComponent(orderId));
    if (orderId !== state.orderId || state.view !== 'order') {
      return;
    }
    if (!result.ok) {
      if (quiet && state.order) {
        return; // a poll that failed: keep showing what we have, the next poll asks again
      }
      state.orderError = failure(result);
      renderOrder();
      return;
    }
    const order = (result.data.orders || []).find((o) => o.orderId === orderId) || null;
    const changed = !state.order || !order || order.version !== state.order.version;
    if (state.order && order && order.status !== state.order.status) {
      announce(t('order.statusChanged', { status: t('status.' + order.status) }));
    }
    state.order = order;
    state.orderError = order ? null : t('order.notFound');
    if (changed || !quiet) {
      renderOrder();
    }
    if (order && state.auditVersion !== order.version) {
      state.auditVersion = order.version;
      loadAudit();
    }
  }

  async function loadAudit() {
    const orderId = state.orderId;
    const result = await api('GET', '/admin/api/orders/' + encodeURIComponent(orderId) + '/audit');
    if (orderId !== state.orderId) {
      return;
    }
    state.audit = result.ok ? result.data : null;
    state.auditError = result.ok ? null : failure(result);
    renderAudit();
  }

  function renderOrder() {
    const order = state.order;
    const message = $('#order-message');
    const badge = $('#order-status');
    $('#order-body').hidden = !order;
    if (!order) {
      badge.hidden = true;
      badge.setAttribute('data-status', '');
      message.hidden = false;
      message.className = 'notice ' + (state.orderError ? 'warn' : 'muted');
      message.textContent = state.orderError || t('common.loading');
      return;
    }
    message.hidden = true;
    badge.hidden = false;
    badge.className = 'badge large status-' + order.status.toLowerCase();
    badge.setAttribute('data-status', order.status);
    badge.textContent = t('status.' + order.status);

    const facts = clear($('#order-facts'));
    const fact = (key, ...value) => facts.append(h('div', {}, h('dt', { text: t(key) }), h('dd', {}, ...value)));
    fact('order.product', order.productName || '—', ' ', h('span', { class: 'mono muted', text: order.productId }));
    fact('order.quantity', String(order.quantity));
    fact('order.amount', money(order.amount, order.currency));
    fact('order.email', order.email || '—');
    fact('order.payment', order.paymentId ? h('span', { class: 'mono', text: order.paymentId }) : '—');
    if (order.payBy) {
      fact('order.payBy', time(order.payBy));
    }
    fact('order.placed', time(order.placedAt));
    fact('order.statusSince', time(order.statusSince), ' ',
      h('span', { class: 'muted', text: '(' + I18N.formatAge(order.statusSince) + ')' }));
    fact('order.updated', time(order.updatedAt));
    if (order.reason) {
      fact('order.reason', order.reason);
    }
    const keys = Array.isArray(order.cardKeys) ? order.cardKeys.length : 0;
    fact('order.cardKeys', keys ? t('order.cardKeysSealed', { count: keys }) : '—');
    fact('order.version', String(order.version));
    manualFacts(order, fact);
    renderDeliver(order);

    const timeline = clear($('#order-timeline'));
    (order.timeline || []).forEach((entry) => {
      timeline.append(h('li', { 'data-code': entry.code },
        h('span', { class: 'when' }, time(entry.at)),
        statusBadge(entry.status),
        h('span', { class: 'what', text: entry.detail || entry.code })));
    });
    updateTitle();
  }

  /** Sealed keys (ciphertext and fingerprint) and query-password hashes are not for eyes: replaced before display. */
  function redact(value) {
    if (Array.isArray(value)) {
      return value.map(redact);
    }
    if (value && typeof value === 'object') {
      const copy = {};
      Object.keys(value).forEach((key) => {
        if (/^(cardKeys|keys|ciphertext|fingerprint|sealed|queryPasswordHash)$/i.test(key)) {
          const count = Array.isArray(value[key]) ? value[key].length : 1;
          copy[key] = '‹' + t('audit.sealed', { count }) + '›';
        } else {
          copy[key] = redact(value[key]);
        }
      });
      return copy;
    }
    return value;
  }

  function originOf(metadata) {
    const origin = (metadata && metadata.origin) || 'unknown';
    const label = t('origin.' + origin, {}, origin);
    if (origin !== 'operator') {
      return h('span', { class: 'origin origin-' + origin, text: label });
    }
    return h('span', { class: 'origin origin-operator' },
      h('span', { class: 'badge manual', text: t('audit.manual') }), ' ',
      t('audit.byOperator', { operator: metadata.operator || '?' }),
      metadata.operatorReason ? h('span', { class: 'reason', text: ' — “' + metadata.operatorReason + '”' }) : null);
  }

  function renderAudit() {
    const verdict = clear($('#audit-verdict'));
    const list = clear($('#audit-discrepancies'));
    const table = $('#audit-events');
    const body = clear($('tbody', table));
    const decisions = clear($('#audit-decisions'));
    if (state.auditError) {
      verdict.setAttribute('data-consistent', '');
      verdict.className = 'verdict error';
      verdict.textContent = state.auditError;
      return;
    }
    const audit = state.audit;
    if (!audit) {
      verdict.setAttribute('data-consistent', '');
      verdict.className = 'verdict';
      verdict.textContent = t('common.loading');
      return;
    }
    const replay = audit.sagaReplay || { consistent: false, decisions: [], discrepancies: [] };
    const discrepancies = replay.discrepancies || [];
    const manualOnly = discrepancies.length > 0 && discrepancies.every((d) => d.kind === 'manual-intervention');
    verdict.setAttribute('data-consistent', String(replay.consistent));
    verdict.className = 'verdict ' + (replay.consistent ? 'ok' : manualOnly ? 'warn' : 'error');
    verdict.append(h('strong', { text: replay.consistent ? t('audit.consistent')
      : manualOnly ? t('audit.manualOnly', { count: discrepancies.length })
        : t('audit.inconsistent', { count: discrepancies.length }) }),
    ' ', h('span', { text: replay.consistent ? t('audit.consistentHint')
      : manualOnly ? t('audit.manualOnlyHint') : t('audit.inconsistentHint') }));

    discrepancies.forEach((d) => {
      list.append(h('li', { class: 'discrepancy kind-' + d.kind, 'data-kind': d.kind },
        h('span', { class: 'badge ' + (d.kind === 'manual-intervention' ? 'manual' : 'problem'),
          text: t('discrepancy.' + d.kind, {}, d.kind) }), ' ',
        h('code', { text: d.event }), ' ', time(d.at),
        h('div', { class: 'discrepancy-detail' },
          d.operator ? t('audit.byOperator', { operator: d.operator }) : null,
          d.reason ? h('span', { class: 'reason', text: ' — “' + d.reason + '”' }) : null,
          !d.operator && d.detail ? d.detail : null)));
    });

    (audit.events || []).forEach((event, index) => {
      const meta = event.metadata || {};
      body.append(h('tr', { 'data-type': event.type, 'data-origin': meta.origin || '' },
        h('td', { class: 'num seq' }, String(index + 1)),
        h('td', {}, h('code', { text: event.type })),
        h('td', {}, time(event.at)),
        h('td', {}, originOf(meta)),
        h('td', {}, h('span', { text: event.aggregateType || '' }), ' ',
          h('span', { class: 'mono muted', title: event.aggregateId,
            text: String(event.aggregateId || '').slice(0, 8) + ' #' + event.sequence })),
        h('td', {}, h('details', {},
          h('summary', { text: t('audit.show') }),
          h('pre', { text: JSON.stringify(redact(event.payload), null, 2) }),
          h('p', { class: 'mono muted small' }, 'correlationId ', meta.correlationId || '—'),
          h('p', { class: 'mono muted small' }, 'traceId ', meta.traceId || '—')))));
    });
    if (!(audit.events || []).length) {
      body.append(emptyRow(table, t('audit.noEvents')));
    }
    labelCells(table);

    (replay.decisions || []).forEach((point) => {
      decisions.append(h('li', {},
        h('div', { class: 'decision-head' }, time(point.at), ' ', h('code', { text: point.trigger }), ' ',
          h('span', { class: 'muted', text: t('origin.' + point.origin, {}, point.origin || '') })),
        (point.decisions || []).length
          ? h('ul', {}, point.decisions.map((d) => h('li', {}, h('code', { text: d }))))
          : h('p', { class: 'muted small', text: t('audit.noDecision') })));
    });
    if (!(replay.decisions || []).length) {
      decisions.append(h('li', { class: 'muted', text: t('audit.noDecisions') }));
    }
  }

  // ---------------------------------------------------------------- compensations

  function openActionDialog(action) {
    const config = ACTIONS[action];
    const order = state.order;
    if (!config || !order) {
      return;
    }
    openDialog({
      title: t('dialog.' + action + '.title'),
      text: t('dialog.' + action + '.text', { id: order.orderId, status: t('status.' + order.status),
        paymentId: order.paymentId || '—', email: order.email || '—' }),
      confirm: t('dialog.' + action + '.confirm'),
      danger: config.danger,
      trade: !!config.trade,
      reason: config.reason,
      returnFocus: document.getElementById('action-' + action),
      submit: async (fields) => {
        const path = '/admin/api/orders/' + encodeURIComponent(order.orderId) + '/' + action;
        const result = await api('POST', path, config.body(fields));
        if (result.status === 400) {
          return { keepOpen: true, error: failure(result) };
        }
        const o = actionOutcome(result, t('outcome.accepted', { action: t('action.' + action), status: result.status }));
        outcome('action-outcome', o.kind, o.message);
        if (result.ok) {
          loadOrder();
        }
        return {};
      }
    });
  }

  function openDialog(options) {
    const dialog = $('#action-dialog');
    state.dialog = options;
    $('#dialog-title').textContent = options.title;
    $('#dialog-text').textContent = options.text;
    const confirm = $('#dialog-confirm');
    confirm.textContent = options.confirm;
    confirm.className = options.danger ? 'danger' : '';
    confirm.disabled = false;
    $('#dialog-error').textContent = '';
    $('#dialog-trade-field').hidden = !options.trade;
    $('#dialog-trade').value = '';
    $('#dialog-trade').required = !!options.trade;
    const reasonNeeded = options.reason && options.reason !== 'none';
    $('#dialog-reason-field').hidden = !reasonNeeded;
    $('#dialog-reason').value = '';
    $('#dialog-reason').required = options.reason === 'required' || options.reason === 'note';
    $('#dialog-reason-label').textContent = t(options.reason === 'note' ? 'dialog.note'
      : options.reason === 'optional' ? 'dialog.reasonOptional' : 'dialog.reason');
    dialog.showModal();
    const first = options.trade ? $('#dialog-trade') : reasonNeeded ? $('#dialog-reason') : $('#dialog-cancel');
    first.focus();
  }

  function closeDialog() {
    const dialog = $('#action-dialog');
    const options = state.dialog;
    state.dialog = null;
    if (dialog.open) {
      dialog.close();
    }
    // back to the button that opened the dialog, or to its successor if the view was redrawn meanwhile
    const back = options && (typeof options.returnFocus === 'function' ? options.returnFocus() : options.returnFocus);
    if (back && document.contains(back)) {
      back.focus();
    }
  }

  function setUpDialog() {
    const dialog = $('#action-dialog');
    $('#dialog-cancel').addEventListener('click', closeDialog);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      closeDialog();
    });
    $('#dialog-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const options = state.dialog;
      if (!options) {
        return;
      }
      const fields = { trade: $('#dialog-trade').value.trim(), reason: $('#dialog-reason').value.trim() };
      const error = $('#dialog-error');
      if (options.trade && !fields.trade) {
        error.textContent = t('dialog.tradeRequired');
        $('#dialog-trade').focus();
        return;
      }
      if ((options.reason === 'required' || options.reason === 'note') && !fields.reason) {
        error.textContent = t(options.reason === 'note' ? 'dialog.noteRequired' : 'dialog.reasonRequired');
        $('#dialog-reason').focus();
        return;
      }
      error.textContent = '';
      const confirm = $('#dialog-confirm');
      confirm.disabled = true;
      confirm.setAttribute('aria-busy', 'true');
      const answer = await options.submit(fields);
      confirm.disabled = false;
      confirm.removeAttribute('aria-busy');
      if (answer.keepOpen) {
        error.textContent = answer.error;
        announce(answer.error);
        return;
      }
      closeDialog();
    });
    document.querySelectorAll('[data-action]').forEach((button) => {
      button.addEventListener('click', () => openActionDialog(button.dataset.action));
    });
    ['#dialog-trade', '#dialog-reason'].forEach((field) => $(field).addEventListener('input', () => {
      $('#dialog-error').textContent = '';
    }));
    $('#audit-refresh').addEventListener('click', loadAudit);
  }

  // ---------------------------------------------------------------- products

  async function loadProducts(quiet) {
    if (!quiet) {
      $('#products-table').setAttribute('aria-busy', 'true');
    }
    const result = await api('GET', '/admin/api/products');
    $('#products-table').setAttribute('aria-busy', 'false');
    state.products = result.ok ? result.data : state.products;
    state.productsError = result.ok ? null : failure(result);
    if (result.ok) {
      const listed = new Set(result.data.map((p) => p.productId));
      state.createdProducts = state.createdProducts.filter((p) => !listed.has(p.productId));
    }
    renderProducts();
    return result.ok;
  }

  function stock(value) {
    return value === null || value === undefined ? '—' : String(value);
  }

  function renderProducts() {
    const table = $('#products-table');
    const body = clear($('tbody', table));
    if (state.productsError) {
      body.append(emptyRow(table, state.productsError, 'error'));
    }
    const products = state.products || [];
    if (!state.productsError && products.length === 0) {
      body.append(emptyRow(table, state.products ? t('products.none') : t('common.loading')));
    }
    products.forEach((product) => {
      const pool = product.source === 'POOL';
      body.append(h('tr', { 'data-product-id': product.productId },
        h('td', {}, h('strong', { text: product.name }), productBadges(product), h('br'),
          h('span', { class: 'mono muted small', text: product.productId })),
        h('td', {}, t('source.' + product.source, {}, product.source || '—'),
          product.sku ? h('span', { class: 'mono muted', text: ' ' + product.sku }) : null),
        h('td', { class: 'num' }, money(product.price, product.currency)),
        h('td', { class: 'num' + (pool && product.available === 0 ? ' low' : '') },
          product.keyMode === 'REUSABLE' ? t('productEdit.reusable')
            : pool ? stock(product.available) : t('products.onDemand')),
        h('td', { class: 'num' }, stock(product.reserved)),
        h('td', { class: 'num' }, stock(product.issued)),
        h('td', { class: 'num' }, pool ? stock(product.lowStockThreshold) : '—'),
        h('td', { class: 'row-actions' }, editProductButton(product), ' ',
          pool ? h('button', { type: 'button', class: 'secondary small',
            'aria-label': t('keys.uploadFor', { name: product.name }),
            onclick: () => chooseForUpload(product.productId) }, t('keys.uploadShort')) : null)));
    });
    labelCells(table);
    fillKeysProducts();
  }

  // ---------------------------------------------------------------- editing a product

  /** Tells an operator at a glance what a buyer will not see: a product off sale, a reusable key. */
  function productBadges(product) {
    return [
      product.enabled === false ? h('span', { class: 'badge status-cancelled', 'data-badge': 'disabled',
        text: ' ' + t('productEdit.disabled') }) : null,
      product.keyMode === 'REUSABLE' ? h('span', { class: 'badge', 'data-badge': 'reusable',
        text: ' ' + t('productEdit.keyMode.short.REUSABLE') }) : null
    ].filter(Boolean).flatMap((badge) => [' ', badge]);
  }

  function editProductButton(product) {
    return h('button', { type: 'button', class: 'secondary small', 'data-edit-product': product.productId,
      'aria-label': t('productEdit.editFor', { name: product.name }),
      onclick: () => openProductEditor(product) }, t('productEdit.edit'));
  }

  function tierRow(tier) {
    const index = $('#edit-tiers').children.length + 1;
    const row = h('div', { class: 'row tier' },
      h('div', { class: 'field' },
        h('label', { for: 'edit-tier-quantity-' + index, text: t('productEdit.tierQuantity') }),
        h('input', { id: 'edit-tier-quantity-' + index, class: 'tier-quantity', inputmode: 'numeric',
          autocomplete: 'off', value: tier ? String(tier.minQuantity) : '' })),
      h('div', { class: 'field' },
        h('label', { for: 'edit-tier-price-' + index, text: t('productEdit.tierPrice') }),
        h('input', { id: 'edit-tier-price-' + index, class: 'tier-price', inputmode: 'decimal',
          autocomplete: 'off', value: tier ? tier.price : '' })),
      h('div', { class: 'field actions' },
        h('button', { type: 'button', class: 'secondary small', text: t('productEdit.removeTier'),
          'aria-label': t('productEdit.removeTierFor', { n: index }),
          onclick: () => { row.remove(); $('#edit-tier-add').focus(); } })));
    return row;
  }

  function openProductEditor(product) {
    state.editing = product;
    const form = $('#product-edit-form');
    $('#product-dialog-title').textContent = t('productEdit.title', { name: product.name });
    form.name.value = product.name || '';
    form.price.value = product.price || '';
    form.currency.value = product.currency || '';
    form.description.value = product.description || '';
    form.instructions.value = product.instructions || '';
    form.enabled.checked = product.enabled !== false;
    form.maxPerOrder.value = product.maxPerOrder === null || product.maxPerOrder === undefined ? '' : String(product.maxPerOrder);
    form.threshold.value = product.lowStockThreshold === null || product.lowStockThreshold === undefined
      ? '' : String(product.lowStockThreshold);
    const tiers = clear($('#edit-tiers'));
    (product.priceTiers || []).forEach((tier) => tiers.append(tierRow(tier)));
    $('#product-dialog-error').textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
    $('#product-dialog').showModal();
    $('#edit-name').focus();
  }

  function closeProductEditor() {
    const product = state.editing;
    state.editing = null;
    if ($('#product-dialog').open) {
      $('#product-dialog').close();
    }
    const back = product && document.querySelector('[data-edit-product="' + CSS.escape(product.productId) + '"]');
    if (back) {
      back.focus();
    }
  }

  /** The PATCH body of what the operator changed, or a problem [fieldId, textKey] to show. */
  function productChanges(product, form) {
    const price = form.price.value.trim();
    const currency = form.currency.value.trim().toUpperCase();
    const max = form.maxPerOrder.value.trim();
    const threshold = form.threshold.value.trim();
    const name = form.name.value.trim();
    if (!name) {
      return { problem: ['edit-name', 'products.nameRequired'] };
    }
    if (!/^\d+(\.\d{1,2})?$/.test(price) || Number(price) <= 0) {
      return { problem: ['edit-price', 'products.priceInvalid'] };
    }
    if (!/^[A-Z]{3}$/.test(currency)) {
      return { problem: ['edit-currency', 'products.currencyInvalid'] };
    }
    if (max && (!/^\d{1,3}$/.test(max) || Number(max) < 1 || Number(max) > 100)) {
      return { problem: ['edit-max', 'productEdit.maxPerOrderInvalid'] };
    }
    if (threshold && !/^\d{1,7}$/.test(threshold)) {
      return { problem: ['edit-threshold', 'products.thresholdInvalid'] };
    }
    const tiers = [];
    for (const row of document.querySelectorAll('#edit-tiers .tier')) {
      const quantity = $('.tier-quantity', row);
      const tierPrice = $('.tier-price', row);
      if (!/^\d{1,3}$/.test(quantity.value.trim()) || Number(quantity.value) < 2 || Number(quantity.value) > 100
        || tiers.some((tier) => tier.minQuantity === Number(quantity.value))) {
        return { problem: [quantity.id, 'productEdit.tierQuantityInvalid'] };
      }
      if (!/^\d+(\.\d{1,2})?$/.test(tierPrice.value.trim()) || Number(tierPrice.value) <= 0) {
        return { problem: [tierPrice.id, 'products.priceInvalid'] };
      }
      tiers.push({ minQuantity: Number(quantity.value), price: tierPrice.value.trim() });
    }
    tiers.sort((a, b) => a.minQuantity - b.minQuantity);
    const body = {};
    if (name !== product.name) {
      body.name = name;
    }
    if (Number(price) !== Number(product.price) || currency !== product.currency) {
      body.price = price;
      body.currency = currency;
    }
    const text = (value) => value.trim() ? value.trim() : null;
    if (text(form.description.value) !== (product.description || null)) {
      body.description = text(form.description.value);
    }
    if (text(form.instructions.value) !== (product.instructions || null)) {
      body.instructions = text(form.instructions.value);
    }
    if (form.enabled.checked !== (product.enabled !== false)) {
      body.enabled = form.enabled.checked;
    }
    const maxPerOrder = max ? Number(max) : null;
    if (maxPerOrder !== (product.maxPerOrder ?? null)) {
      body.maxPerOrder = maxPerOrder;
    }
    const lowStockThreshold = threshold ? Number(threshold) : null;
    if (lowStockThreshold !== (product.lowStockThreshold ?? null)) {
      body.lowStockThreshold = lowStockThreshold;
    }
    const before = (product.priceTiers || []).map((tier) => tier.minQuantity + '=' + Number(tier.price)).join(',');
    if (tiers.map((tier) => tier.minQuantity + '=' + Number(tier.price)).join(',') !== before) {
      body.priceTiers = tiers.length ? tiers : null;
    }
    return { body };
  }

  function setUpProductEditor() {
    const dialog = $('#product-dialog');
    const form = $('#product-edit-form');
    $('#product-dialog-cancel').addEventListener('click', closeProductEditor);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      closeProductEditor();
    });
    $('#edit-tier-add').addEventListener('click', () => {
      const row = tierRow(null);
      $('#edit-tiers').append(row);
      $('.tier-quantity', row).focus();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const product = state.editing;
      if (!product) {
        return;
      }
      const error = $('#product-dialog-error');
      form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
      const changes = productChanges(product, form);
      if (changes.problem) {
        error.textContent = t(changes.problem[1]);
        document.getElementById(changes.problem[0]).setAttribute('aria-invalid', 'true');
        document.getElementById(changes.problem[0]).focus();
        return;
      }
      if (Object.keys(changes.body).length === 0) {
        closeProductEditor();
        outcome('product-outcome', 'ok', t('productEdit.unchanged', { name: product.name }));
        return;
      }
      error.textContent = '';
      const save = $('#product-dialog-save');
      save.disabled = true;
      save.setAttribute('aria-busy', 'true');
      const result = await api('PATCH', '/admin/api/products/' + encodeURIComponent(product.productId), changes.body);
      save.disabled = false;
      save.removeAttribute('aria-busy');
      if (!result.ok) {
        error.textContent = failure(result);
        announce(error.textContent);
        return;
      }
      // the list is read from the query side, which follows a moment later: show the answer at once
      state.products = (state.products || []).map((p) => p.productId === product.productId
        ? Object.assign({}, p, result.data) : p);
      closeProductEditor();
      renderProducts();
      outcome('product-outcome', 'ok', t('productEdit.saved', { name: result.data.name }));
      window.setTimeout(() => loadProducts(true), 1500);
    });
  }

  function fillKeysProducts() {
    const select = $('#keys-product');
    const chosen = select.value;
    clear(select).append(h('option', { value: '', text: t('keys.choose') }));
    const pools = (state.products || []).filter((p) => p.source === 'POOL').concat(state.createdProducts);
    pools.forEach((p) => select.append(h('option', { value: p.productId, text: p.name })));
    if (pools.some((p) => p.productId === chosen)) {
      select.value = chosen;
    }
  }

  function chooseForUpload(productId) {
    $('#keys-product').value = productId;
    $('#keys-text').focus();
  }

  function keysOf(text) {
    return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  }

  async function keysToUpload() {
    const file = $('#keys-file').files[0];
    if (file) {
      return keysOf(await file.text());
    }
    return keysOf($('#keys-text').value);
  }

  async function countKeys() {
    const keys = await keysToUpload();
    $('#keys-count').textContent = keys.length ? t('keys.ready', { count: keys.length }) : '';
  }

  function setUpProducts() {
    $('#products-refresh').addEventListener('click', () => loadProducts());
    const form = $('#product-form');
    const syncSource = () => {
      const upstream = form.source.value === 'UPSTREAM';
      $('#product-sku-field').hidden = !upstream;
      $('#product-sku').required = upstream;
      $('#product-key-mode-field').hidden = upstream;
    };
    form.querySelectorAll('input[name=source]').forEach((radio) => radio.addEventListener('change', syncSource));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const error = $('#product-form-error');
      const name = form.name.value.trim();
      const price = form.price.value.trim();
      const currency = form.currency.value.trim().toUpperCase();
      const source = form.source.value;
      const sku = form.sku.value.trim();
      const threshold = form.threshold.value.trim();
      const problem = !name ? ['product-name', 'products.nameRequired']
        : !/^\d+(\.\d{1,2})?$/.test(price) || Number(price) <= 0 ? ['product-price', 'products.priceInvalid']
          : !/^[A-Z]{3}$/.test(currency) ? ['product-currency', 'products.currencyInvalid']
            : source === 'UPSTREAM' && !sku ? ['product-sku', 'products.skuRequired']
              : threshold && !/^\d{1,7}$/.test(threshold) ? ['product-threshold', 'products.thresholdInvalid'] : null;
      form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
      if (problem) {
        error.textContent = t(problem[1]);
        document.getElementById(problem[0]).setAttribute('aria-invalid', 'true');
        document.getElementById(problem[0]).focus();
        return;
      }
      error.textContent = '';
      const button = $('#product-create');
      button.disabled = true;
      const body = { name, price, currency, source };
      if (source === 'UPSTREAM') {
        body.sku = sku;
      }
      if (threshold) {
        body.lowStockThreshold = Number(threshold);
      }
      if (source === 'MANUAL') {
        body.buyerFields = buyerFieldsOf($('#product-fields').value);
      }
      if (source === 'POOL' && form.keyMode.value === 'REUSABLE') {
        body.keyMode = 'REUSABLE';
      }
      const result = await api('POST', '/admin/api/products', body);
      button.disabled = false;
      if (!result.ok) {
        outcome('product-outcome', 'error', failure(result));
        return;
      }
      const productId = result.data.productId;
      outcome('product-outcome', 'ok', t('products.created', { name, id: productId }));
      form.name.value = '';
      form.price.value = '';
      form.sku.value = '';
      form.threshold.value = '';
      if (source === 'POOL') {
        state.createdProducts.push({ productId, name, source });
        fillKeysProducts();
        $('#keys-product').value = productId;
      }
      loadProducts(true);
    });

    const keysForm = $('#keys-form');
    $('#keys-text').addEventListener('input', countKeys);
    $('#keys-file').addEventListener('change', countKeys);
    keysForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const error = $('#keys-form-error');
      const productId = $('#keys-product').value;
      const keys = await keysToUpload();
      if (!productId) {
        error.textContent = t('keys.productRequired');
        $('#keys-product').focus();
        return;
      }
      if (!keys.length) {
        error.textContent = t('keys.keysRequired');
        $('#keys-text').focus();
        return;
      }
      error.textContent = '';
      const button = $('#keys-upload');
      button.disabled = true;
      const result = await api('POST', '/admin/api/products/' + encodeURIComponent(productId) + '/card-keys',
        keys.join('\n'), 'text/plain');
      button.disabled = false;
      if (!result.ok) {
        outcome('keys-outcome', 'error', failure(result));
        return;
      }
      // the keys leave the page as soon as the pool holds them
      $('#keys-text').value = '';
      $('#keys-file').value = '';
      $('#keys-count').textContent = '';
      // the sentence's plural follows the duplicates
      outcome('keys-outcome', 'ok', t('keys.result',
        { added: result.data.added, duplicates: result.data.duplicates, count: result.data.duplicates }));
      loadProducts(true);
      // stock counts follow the upload a moment later (a projection)
      window.setTimeout(() => { if (state.view === 'products') { loadProducts(true); } }, 1500);
    });
  }

  // ---------------------------------------------------------------- manual delivery (MANUAL products)

  /** "name | label | required" lines → buyer fields. */
  function buyerFieldsOf(text) {
    return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
      const parts = line.split('|').map((part) => part.trim());
      return { name: parts[0], label: parts[1] || parts[0], required: /^(required|yes|true|1|必填|bắt buộc)$/i.test(parts[2] || '') };
    });
  }

  function setUpManualProducts() {
    const form = $('#product-form');
    const sync = () => {
      $('#product-fields-field').hidden = form.source.value !== 'MANUAL';
    };
    form.querySelectorAll('input[name=source]').forEach((radio) => radio.addEventListener('change', sync));
  }

  /** The buyer's fields of a MANUAL order and its coupon, among the order's facts. */
  function manualFacts(order, fact) {
    if (order.couponCode) {
      fact('order.coupon', order.couponCode, ' ', h('span', { class: 'muted',
        text: '−' + money(order.discount || '0', order.currency) }));
    }
    if (order.source === 'MANUAL') {
      fact('order.source', t('products.source.MANUAL'));
      Object.entries(order.fields || {}).forEach(([name, value]) => {
        facts(name, value);
      });
    }
    function facts(name, value) {
      const dd = h('dd', {}, h('span', { class: 'mono', 'data-buyer-field': name, text: value }));
      $('#order-facts').append(h('div', {}, h('dt', { text: t('order.buyerField', { name }) }), dd));
    }
  }

  function awaitsOperator(order) {
    return order && order.source === 'MANUAL' && order.status === 'PAID';
  }

  function renderDeliver(order) {
    $('#deliver-form').hidden = !awaitsOperator(order);
  }

  function setUpDeliver() {
    const form = $('#deliver-form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const order = state.order;
      const error = $('#deliver-error');
      const content = $('#deliver-content').value.split('\n').map((line) => line.trim()).filter(Boolean);
      if (!awaitsOperator(order)) {
        return;
      }
      if (!content.length) {
        error.textContent = t('deliver.contentRequired');
        $('#deliver-content').focus();
        return;
      }
      error.textContent = '';
      const button = $('#deliver-submit');
      button.disabled = true;
      const result = await api('POST', '/admin/api/orders/' + encodeURIComponent(order.orderId) + '/deliver',
        { content });
      button.disabled = false;
      const o = actionOutcome(result, t('outcome.accepted', { action: t('deliver.submit'), status: result.status }));
      outcome('action-outcome', o.kind, o.message);
      if (result.ok) {
        $('#deliver-content').value = '';
        loadOrder();
      }
    });
  }

  // ---------------------------------------------------------------- coupons

  async function loadCoupons(quiet) {
    const result = await api('GET', '/admin/api/coupons');
    state.coupons = result.ok ? result.data : (quiet ? state.coupons : null);
    state.couponsError = result.ok ? null : failure(result);
    renderCoupons();
  }

  function couponDiscount(c) {
    return c.kind === 'PERCENT' ? c.value + ' %' : money(c.value, c.currency);
  }

  function couponRules(c) {
    const rules = [];
    rules.push((c.productIds || []).length ? t('coupons.someProducts', { count: c.productIds.length })
      : t('coupons.allProducts'));
    if (c.currency && c.kind === 'PERCENT') {
      rules.push(c.currency);
    }
    if (c.minAmount) {
      rules.push(t('coupons.fromAmount', { amount: money(c.minAmount, c.currency) }));
    }
    return rules.join(' · ');
  }

  function renderCoupons() {
    const table = $('#coupons-table');
    if (!table) {
      return;
    }
    const body = clear(table.querySelector('tbody'));
    if (!state.coupons) {
      if (state.couponsError) {
        body.append(emptyRow(table, state.couponsError, 'warn'));
      }
      return;
    }
    if (!state.coupons.length) {
      body.append(emptyRow(table, t('coupons.empty')));
      return;
    }
    state.coupons.forEach((c) => {
      const disable = h('button', { type: 'button', class: 'secondary small', 'data-disable-coupon': c.code,
        text: t('coupons.disable'), 'aria-label': t('coupons.disableLabel', { code: c.code }) });
      disable.disabled = c.disabled;
      disable.addEventListener('click', () => disableCoupon(c.code, disable));
      body.append(h('tr', { 'data-coupon': c.code },
        h('td', {}, h('code', { text: c.code })),
        h('td', { text: couponDiscount(c) }),
        h('td', { text: couponRules(c) }),
        h('td', { class: 'num', 'data-used': String(c.used),
          text: c.maxUses ? t('coupons.usedOf', { used: c.used, max: c.maxUses }) : String(c.used) }),
        h('td', { text: c.expiresAt ? time(c.expiresAt) : '—' }),
        h('td', { text: t(c.disabled ? 'coupons.state.disabled' : 'coupons.state.active') }),
        h('td', {}, disable)));
    });
    labelCells(table);
  }

  async function disableCoupon(code, button) {
    button.disabled = true;
    const result = await api('DELETE', '/admin/api/coupons/' + encodeURIComponent(code));
    if (!result.ok) {
      button.disabled = false;
      outcome('coupon-outcome', 'error', failure(result));
      return;
    }
    outcome('coupon-outcome', 'ok', t('coupons.disabled', { code }));
    window.setTimeout(() => loadCoupons(true), 800);
  }

  function setUpCoupons() {
    $('#coupons-refresh').addEventListener('click', () => loadCoupons());
    const form = $('#coupon-form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const error = $('#coupon-form-error');
      const code = form.code.value.trim();
      const value = form.value.value.trim();
      const maxUses = form.maxUses.value.trim();
      if (!/^[A-Za-z0-9_-]{3,40}$/.test(code)) {
        error.textContent = t('coupons.codeInvalid');
        form.code.focus();
        return;
      }
      if (!/^\d+(\.\d{1,2})?$/.test(value) || Number(value) <= 0) {
        error.textContent = t('coupons.valueInvalid');
        form.value.focus();
        return;
      }
      if (maxUses && !/^\d{1,7}$/.test(maxUses)) {
        error.textContent = t('coupons.maxUsesInvalid');
        form.maxUses.focus();
        return;
      }
      error.textContent = '';
      const body = { code, kind: form.kind.value, value };
      const currency = form.currency.value.trim().toUpperCase();
      if (currency) {
        body.currency = currency;
      }
      if (maxUses) {
        body.maxUses = Number(maxUses);
      }
      if (form.minAmount.value.trim()) {
        body.minAmount = form.minAmount.value.trim();
      }
      if (form.expiresAt.value) {
        body.expiresAt = new Date(form.expiresAt.value).toISOString();
      }
      const products = form.productIds.value.split(',').map((id) => id.trim()).filter(Boolean);
      if (products.length) {
        body.productIds = products;
      }
      const button = $('#coupon-create');
      button.disabled = true;
      const result = await api('POST', '/admin/api/coupons', body);
      button.disabled = false;
      if (!result.ok) {
        if (result.status === 400) {
          error.textContent = failure(result);
        } else {
          outcome('coupon-outcome', result.status === 409 ? 'warn' : 'error', failure(result));
        }
        return;
      }
      outcome('coupon-outcome', 'ok', t('coupons.created', { code: result.data.code }));
      form.reset();
      window.setTimeout(() => loadCoupons(true), 800);
    });
  }

  // ---------------------------------------------------------------- dead letters

  async function loadDeadLetters() {
    const [letters, unmatched] = await Promise.all([
      api('GET', '/admin/api/dead-letters'),
      api('GET', '/admin/api/payments/unmatched-notifications')]);
    state.deadLetters = letters.ok ? letters.data : null;
    state.deadError = letters.ok ? null : failure(letters);
    state.unmatched = unmatched.ok ? unmatched.data : null;
    state.unmatchedError = unmatched.ok ? null : failure(unmatched);
    renderDeadLetters();
  }

  function renderDeadLetters() {
    const groups = clear($('#dead-groups'));
    if (state.deadError) {
      groups.append(h('p', { class: 'notice error', text: state.deadError }));
    } else if (state.deadLetters && state.deadLetters.length === 0) {
      groups.append(h('p', { class: 'notice ok', text: t('dead.none') }));
    } else if (state.deadLetters) {
      const byGroup = new Map();
      state.deadLetters.forEach((letter) => {
        if (!byGroup.has(letter.processingGroup)) {
          byGroup.set(letter.processingGroup, []);
        }
        byGroup.get(letter.processingGroup).push(letter);
      });
      byGroup.forEach((letters, group) => {
        const table = h('table', { class: 'data stack' },
          h('thead', {}, h('tr', {},
            ['dead.col.event', 'dead.col.aggregate', 'dead.col.enqueued', 'dead.col.lastTouched', 'dead.col.cause']
              .map((key) => h('th', { scope: 'col', text: t(key) })))),
          h('tbody', {}, letters.map((letter) => h('tr', {},
            h('td', {}, h('code', { title: letter.payloadType, text: shortType(letter.payloadType) })),
            h('td', {}, h('span', { class: 'mono', text: letter.aggregateId || '—' }),
              letter.aggregateSequence !== null && letter.aggregateSequence !== undefined
                ? h('span', { class: 'muted', text: ' #' + letter.aggregateSequence }) : null),
            h('td', {}, time(letter.enqueuedAt)),
            h('td', {}, time(letter.lastTouched)),
            h('td', {}, h('code', { text: shortType(letter.causeType) }), h('br'),
              h('span', { class: 'small', text: letter.causeMessage || '' }))))));
        labelCells(table);
        groups.append(h('section', { class: 'panel', 'data-group': group },
          h('div', { class: 'view-head' },
            h('h2', {}, h('code', { text: group }), ' ',
              h('span', { class: 'muted', text: t('dead.count', { count: letters.length }) })),
            h('button', { type: 'button', class: 'small', 'data-retry-group': group,
              onclick: (event) => retryGroup(group, event.currentTarget) }, t('dead.retry', { group }))),
          h('div', { class: 'table-wrap' }, table)));
      });
    } else {
      groups.append(h('p', { class: 'muted', text: t('common.loading') }));
    }

    const table = $('#unmatched-table');
    const body = clear($('tbody', table));
    if (state.unmatchedError) {
      body.append(emptyRow(table, state.unmatchedError, 'error'));
    } else if (state.unmatched && state.unmatched.length === 0) {
      body.append(emptyRow(table, t('unmatched.none')));
    }
    (state.unmatched || []).forEach((n) => {
      body.append(h('tr', {},
        h('td', {}, time(n.receivedAt)),
        h('td', {}, h('span', { class: 'mono', text: n.paymentId })),
        h('td', {}, h('span', { class: 'mono', text: n.merchantOrderId })),
        h('td', {}, n.status),
        h('td', { class: 'num' }, money(n.amount, n.currency))));
    });
    labelCells(table);
  }

  async function retryGroup(group, button) {
    button.disabled = true;
    const result = await api('POST', '/admin/api/dead-letters/' + encodeURIComponent(group) + '/retry');
    button.disabled = false;
    if (result.ok) {
      const r = result.data;
      outcome('dead-outcome', r.lettersLeft > 0 ? 'warn' : 'ok', t('dead.retried', { group,
        retried: r.sequencesRetried, recovered: r.sequencesRecovered, left: r.lettersLeft }));
    } else {
      outcome('dead-outcome', 'error', failure(result));
    }
    loadDeadLetters();
  }

  // ---------------------------------------------------------------- operator alerts

  function fillAlertKinds() {
    const select = $('#alerts-kind');
    const chosen = select.value;
    clear(select).append(h('option', { value: '', text: t('alerts.allKinds') }));
    ALERT_KINDS.forEach((kind) => select.append(h('option', { value: kind, text: t('alert.' + kind) })));
    select.value = chosen;
  }

  async function loadAlerts(quiet) {
    if (!quiet) {
      $('#alerts-table').setAttribute('aria-busy', 'true');
    }
    const kind = $('#alerts-kind').value;
    const result = await api('GET', '/admin/api/alerts' + (kind ? '?kind=' + encodeURIComponent(kind) : ''));
    $('#alerts-table').setAttribute('aria-busy', 'false');
    if (state.view !== 'alerts') {
      return;
    }
    state.alerts = result.ok ? result.data : state.alerts;
    state.alertsError = result.ok ? null : failure(result);
    renderAlerts();
  }

  function renderAlerts() {
    const table = $('#alerts-table');
    const body = clear($('tbody', table));
    if (state.alertsError) {
      body.append(emptyRow(table, state.alertsError, 'error'));
    } else if (state.alerts && state.alerts.length === 0) {
      body.append(emptyRow(table, t('alerts.none')));
    } else if (!state.alerts) {
      body.append(emptyRow(table, t('common.loading')));
    }
    (state.alerts || []).forEach((a) => {
      const channels = (a.deliveries || []).map((d) => h('li', { 'data-channel': d.channel },
        h('span', { class: 'badge ' + (d.status === 'sent' ? 'ok' : d.status === 'failed' ? 'problem' : 'warn'),
          text: t('alerts.channel.' + d.channel, {}, d.channel) + ': ' + t('alerts.status.' + d.status, {}, d.status) }),
        ' ', h('span', { class: 'muted small', text: t('alerts.attempts', { count: d.attempts }) }),
        d.lastError ? h('span', { class: 'small', text: ' ' + d.lastError }) : null));
      const subject = a.link && a.link.indexOf('/admin/#') >= 0
        ? h('a', { href: a.link.slice(a.link.indexOf('#')), class: 'mono', text: a.subject })
        : h('span', { class: 'mono', text: a.subject });
      body.append(h('tr', { 'data-alert-id': String(a.id) },
        h('td', {}, time(a.at)),
        h('td', {}, h('span', { class: 'badge ' + (a.severity === 'critical' ? 'problem' : 'warn'),
          text: t('alert.' + a.kind, {}, a.kind) })),
        h('td', {}, subject, a.repeats > 0
          ? h('span', { class: 'muted small', text: ' ' + t('alerts.repeats', { count: a.repeats }) }) : null),
        h('td', {}, h('span', { class: 'small', text: a.message })),
        h('td', {}, channels.length ? h('ul', { class: 'segments' }, channels)
          : h('span', { class: 'muted', text: t('alerts.noChannel') }))));
    });
    labelCells(table);
  }

  // ---------------------------------------------------------------- projections and breakers

  async function loadSystem() {
    const [projections, breakers] = await Promise.all([
      api('GET', '/admin/api/projections'), api('GET', '/admin/api/circuit-breakers')]);
    if (state.view !== 'system') {
      return;
    }
    state.projections = projections.ok ? projections.data : state.projections;
    state.projectionsError = projections.ok ? null : failure(projections);
    state.breakers = breakers.ok ? breakers.data : state.breakers;
    state.breakersError = breakers.ok ? null : failure(breakers);
    renderSystem();
  }

  function renderSystem() {
    const table = $('#projections-table');
    const body = clear($('tbody', table));
    if (state.projectionsError) {
      body.append(emptyRow(table, state.projectionsError, 'error'));
    }
    (state.projections || []).forEach((p) => {
      const segments = (p.segments || []).map((s) => h('li', {},
        h('span', { class: 'mono', text: '#' + s.segment }), ' ',
        h('span', { class: 'mono', text: s.position === null || s.position === undefined ? '—' : String(s.position) }),
        ' ', h('span', { class: 'badge ' + (s.replaying ? 'warn' : s.caughtUp ? 'ok' : 'neutral'),
          text: t(s.replaying ? 'projections.replaying' : s.caughtUp ? 'projections.caughtUp' : 'projections.behind') })));
      body.append(h('tr', { 'data-processor': p.name },
        h('td', {}, h('code', { text: p.name }), h('br'), h('span', { class: 'muted small', text: shortType(p.mode) })),
        h('td', {}, h('span', { class: 'badge ' + (p.running ? 'ok' : 'problem'),
          text: t(p.running ? 'projections.running' : 'projections.stopped') }), ' ',
        p.replaying ? h('span', { class: 'badge warn', text: t('projections.replaying') }) : null),
        h('td', {}, segments.length ? h('ul', { class: 'segments' }, segments)
          : h('span', { class: 'muted', text: t('projections.noSegments') })),
        h('td', { class: 'row-actions' }, p.rebuildable ? h('button', { type: 'button', class: 'secondary small',
          'data-rebuild': p.name, 'aria-label': t('projections.rebuildLabel', { name: p.name }),
          onclick: (event) => confirmRebuild(p.name, event.currentTarget) }, t('projections.rebuild')) : null)));
    });
    labelCells(table);

    const cards = clear($('#breakers'));
    if (state.breakersError) {
      cards.append(h('p', { class: 'notice error', text: state.breakersError }));
    }
    (state.breakers || []).forEach((b) => {
      const rate = (value) => (value === null || value === undefined || value < 0 ? t('breakers.notEnough')
        : I18N.formatNumber(value, 1) + ' %');
      const transitions = (b.transitions || []).slice(-6).reverse();
      cards.append(h('section', { class: 'card', 'data-breaker': b.name },
        h('div', { class: 'view-head' }, h('h3', {}, h('code', { text: b.name })),
          h('span', { class: 'badge breaker-' + String(b.state).toLowerCase(), 'data-state': b.state,
            text: t('breaker.' + b.state, {}, b.state) })),
        h('dl', { class: 'facts compact' },
          h('div', {}, h('dt', { text: t('breakers.failureRate') }), h('dd', { text: rate(b.failureRate) })),
          h('div', {}, h('dt', { text: t('breakers.slowRate') }), h('dd', { text: rate(b.slowCallRate) })),
          h('div', {}, h('dt', { text: t('breakers.calls') }),
            h('dd', { text: t('breakers.callCounts', { buffered: b.bufferedCalls, failed: b.failedCalls,
              refused: b.notPermittedCalls }) }))),
        h('h4', { text: t('breakers.transitions') }),
        transitions.length ? h('ol', { class: 'transitions' }, transitions.map((tr) => h('li', {},
          time(tr.at), ' ', h('span', { class: 'mono', text: tr.from + ' → ' + tr.to }))))
          : h('p', { class: 'muted small', text: t('breakers.noTransitions') })));
    });
    if (!state.breakersError && state.breakers && state.breakers.length === 0) {
      cards.append(h('p', { class: 'muted', text: t('breakers.none') }));
    }
  }

  function confirmRebuild(name, button) {
    openDialog({
      title: t('dialog.rebuild.title', { name }),
      text: t('dialog.rebuild.text', { name }),
      confirm: t('dialog.rebuild.confirm'),
      danger: false,
      trade: false,
      reason: 'none',
      returnFocus: () => (document.contains(button) ? button
        : document.querySelector('[data-rebuild="' + CSS.escape(name) + '"]')),
      submit: async () => {
        const result = await api('POST', '/admin/api/projections/' + encodeURIComponent(name) + '/rebuild');
        const o = actionOutcome(result, t('projections.rebuildStarted', { name, status: result.status }));
        outcome('system-outcome', o.kind, o.message);
        loadSystem();
        return {};
      }
    });
  }

  // ---------------------------------------------------------------- bulk audit

  function localInput(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T'
      + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
  }

  function setUpBulk() {
    const form = $('#bulk-form');
    const now = new Date();
    form.from.value = localInput(new Date(now.getTime() - 24 * 3600 * 1000));
    form.to.value = localInput(new Date(now.getTime() + 60 * 1000));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const error = $('#bulk-form-error');
      const from = new Date(form.from.value);
      const to = new Date(form.to.value);
      if (isNaN(from.getTime()) || isNaN(to.getTime()) || to <= from) {
        error.textContent = t('bulk.invalidRange');
        form.from.focus();
        return;
      }
      error.textContent = '';
      const button = $('#bulk-run');
      button.disabled = true;
      state.bulk = { loading: true };
      renderBulk();
      const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
      const result = await api('GET', '/admin/api/audit?' + params);
      button.disabled = false;
      state.bulk = result.ok ? { data: result.data } : { error: failure(result) };
      renderBulk();
      announce(result.ok ? t('bulk.done', { orders: result.data.orders, inconsistent: result.data.inconsistent.length })
        : state.bulk.error);
    });
  }

  function renderBulk() {
    const target = clear($('#bulk-result'));
    const bulk = state.bulk;
    if (!bulk) {
      return;
    }
    if (bulk.loading) {
      target.append(h('p', { class: 'muted', text: t('bulk.running') }));
      return;
    }
    if (bulk.error) {
      target.append(h('p', { class: 'notice error', text: bulk.error }));
      return;
    }
    const r = bulk.data;
    target.append(h('p', { class: 'muted small' }, t('bulk.range'), ' ', time(r.from), ' – ', time(r.to)),
      h('div', { class: 'stats' },
        h('div', { class: 'stat', 'data-stat': 'orders' }, h('span', { class: 'value', text: String(r.orders) }),
          h('span', { class: 'label', text: t('bulk.orders') })),
        h('div', { class: 'stat ok', 'data-stat': 'consistent' },
          h('span', { class: 'value', text: String(r.consistent) }),
          h('span', { class: 'label', text: t('bulk.consistent') })),
        h('div', { class: 'stat ' + (r.inconsistent.length ? 'warn' : 'ok'), 'data-stat': 'inconsistent' },
          h('span', { class: 'value', text: String(r.inconsistent.length) }),
          h('span', { class: 'label', text: t('bulk.inconsistent') }))));
    if (r.orders >= 1000) {
      target.append(h('p', { class: 'notice warn', text: t('bulk.limited') }));
    }
    if (r.inconsistent.length) {
      target.append(h('h2', { text: t('bulk.listHeading') }),
        h('ul', { class: 'inconsistent' }, r.inconsistent.map((i) => h('li', { 'data-order-id': i.orderId },
          h('a', { href: '#order/' + encodeURIComponent(i.orderId), class: 'mono' }, i.orderId),
          h('ul', { class: 'discrepancies' }, i.discrepancies.map((d) => h('li', { 'data-kind': d.kind },
            h('span', { class: 'badge ' + (d.kind === 'manual-intervention' ? 'manual' : 'problem'),
              text: t('discrepancy.' + d.kind, {}, d.kind) }), ' ', h('code', { text: d.event }), ' ', time(d.at),
            d.operator ? h('span', {}, ' — ', t('audit.byOperator', { operator: d.operator })) : null,
            d.reason ? h('span', { class: 'reason', text: ' “' + d.reason + '”' }) : null)))))));
    }
  }

  // ---------------------------------------------------------------- language

  function setUpLanguage() {
    const select = $('#language');
    I18N.languages.forEach((language) => select.append(h('option', { value: language.code, lang: language.code,
      text: language.name })));
    select.value = I18N.language();
    select.addEventListener('change', () => {
      I18N.setLanguage(select.value, true).then(() => {
        select.value = I18N.language();
        renderAll();
        announce(t('common.languageChanged'));
      });
    });
  }

  /** Everything again in the current language, from what was last loaded. */
  function renderAll() {
    I18N.apply(document);
    fillStatusSelect();
    updateTitle();
    if (state.orders || state.ordersError) {
      renderOrders();
    }
    if (state.orderId) {
      renderOrder();
      renderAudit();
    }
    renderProducts();
    renderCoupons();
    if (state.deadLetters || state.deadError) {
      renderDeadLetters();
    }
    if (state.projections || state.breakers) {
      renderSystem();
    }
    fillAlertKinds();
    if (state.alerts || state.alertsError) {
      renderAlerts();
    }
    renderBulk();
    if (window.CardflowDashboard) {
      window.CardflowDashboard.render();
    }
  }

  // ---------------------------------------------------------------- start

  I18N.ready.then(() => {
    setUpLanguage();
    setUpOrders();
    setUpDialog();
    setUpProducts();
    setUpManualProducts();
    setUpDeliver();
    setUpCoupons();
    setUpProductEditor();
    setUpBulk();
    $('#dead-refresh').addEventListener('click', loadDeadLetters);
    fillAlertKinds();
    $('#alerts-refresh').addEventListener('click', () => loadAlerts());
    $('#alerts-kind').addEventListener('change', () => loadAlerts());
    $('#system-refresh').addEventListener('click', loadSystem);
    window.addEventListener('hashchange', route);
    route();
  });
}());
