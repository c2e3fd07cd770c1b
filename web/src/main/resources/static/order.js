/*
 * The buyer's order page, /orders/{orderId}?token=…: the order's progress, what to do next (pay,
 * wait, copy the keys) and its history, kept live by the server's event stream and, when the
 * stream fails, by polling with the ETag. The page never reloads itself.
 */
(function () {
  'use strict';

  const I18n = window.Cardflow.I18n;
  const t = I18n.t;

  const MAIN_PATH = ['PLACED', 'PENDING_PAYMENT', 'PAID', 'DELIVERED'];
  const TERMINAL = ['DELIVERED', 'CANCELLED', 'REFUNDED'];
  const DEFAULT_POLL_SECONDS = 3;
  // a cancelled order still changes when a late payment arrives: look now and then
  const CANCELLED_POLL_SECONDS = 30;
  const MAX_BACKOFF_SECONDS = 30;
  const REQUEST_TIMEOUT_MS = 10000;
  const COPIED_MS = 2500;

  const orderId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  const params = new URLSearchParams(location.search);
  const token = params.get('token') || '';
  // the payment provider sends the buyer back here with from=payment
  const backFromPayment = params.get('from') === 'payment';
  const PAY_OPENED_KEY = 'cardflow.payOpened.' + (location.pathname.split('/').filter(Boolean)[1] || '');
  const api = '/api/orders/' + encodeURIComponent(orderId);

  const $ = id => document.getElementById(id);
  const announcer = $('announcer');

  let order = null;
  let etag = null;
  let rendered = null;
  let stream = null;
  let streamTried = false;
  let pollTimer = null;
  let failures = 0;
  let gone = false;
  let checkTimer = null;
  let checking = false;
  let receipt = null;
  let receiptFor = null;

  // ---- helpers ------------------------------------------------------------------------------

  const { el } = window.Cardflow.dom;

  function announce(text) {
    window.Cardflow.dom.announce(announcer, text);
  }

  function request(url, options, read) {
    return window.Cardflow.dom.request(url, options, REQUEST_TIMEOUT_MS, read);
  }


  function isTerminal(status) {
    return TERMINAL.indexOf(status) >= 0;
  }



  /** Copies text: the Clipboard API where allowed, else a hidden textarea and execCommand. */
  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (e) {
        // denied or unfocused: try the old way
      }
    }
    const focused = document.activeElement;
    const area = el('textarea', { readonly: true, 'aria-hidden': 'true', tabindex: '-1', class: 'clipboard-helper' });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    area.setSelectionRange(0, text.length);
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
    area.remove();
    if (focused && typeof focused.focus === 'function') focused.focus();
    return copied;
  }

  /** A Copy button: copies, then says "Copied" on itself for a moment and to screen readers. */
  function wireCopy(button, text, idleLabel) {
    button.addEventListener('click', async () => {
      const copied = await copyText(text());
      button.textContent = copied ? '✓ ' + t('keys.copied') : idleLabel();
      button.classList.toggle('copied', copied);
      announce(copied ? t('announce.copied') : t('copy.failed'));
      window.clearTimeout(button.copiedTimer);
      button.copiedTimer = window.setTimeout(() => {
        button.textContent = idleLabel();
        button.classList.remove('copied');
      }, COPIED_MS);
    });
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url, location.href);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function orderLink() {
    return location.origin + '/orders/' + encodeURIComponent(orderId) + '?token=' + encodeURIComponent(token);
  }

  // ---- rendering ----------------------------------------------------------------------------

  function firstReached(status) {
    const entry = (order.timeline || []).find(e => e.status === status);
    return entry ? entry.at : null;
  }

  function lastEntry() {
    const timeline = order.timeline || [];
    return timeline.length ? timeline[timeline.length - 1] : null;
  }

  function renderSteps() {
    const list = $('steps');
    list.textContent = '';
    const index = MAIN_PATH.indexOf(order.status);
    const steps = [];
    if (index >= 0) {
      MAIN_PATH.forEach((status, i) => steps.push({
        status: status,
        state: i < index || order.status === 'DELIVERED' ? 'done' : i === index ? 'current' : 'todo',
        current: i === index
      }));
    } else {
      // off the happy path: the steps it did reach, then where it stands now
      MAIN_PATH.filter(firstReached).forEach(status => steps.push({ status: status, state: 'done' }));
      steps.push({ status: order.status, state: order.status === 'REFUNDING' ? 'current' : 'halted', current: true });
    }
    steps.forEach(step => {
      const at = firstReached(step.status);
      list.appendChild(el('li', { class: 'step', 'data-state': step.state, 'data-status': step.status,
        'aria-current': step.current ? 'step' : null }, [
        el('span', { class: 'step-dot', 'aria-hidden': 'true' }),
        el('span', { class: 'step-label' }, [I18n.status(step.status)]),
        el('span', { class: 'visually-hidden' }, [' (' + t('step.' + (step.state === 'halted' ? 'current' : step.state)) + ')']),
        at && step.state !== 'todo' ? el('time', { class: 'step-time', datetime: at }, [I18n.time(at, false)]) : null
      ]));
    });
  }

  function etaText() {
    if (!order.estimatedCompletionAt) return null;
    const seconds = Math.ceil((Date.parse(order.estimatedCompletionAt) - Date.now()) / 1000);
    if (!(seconds > 1)) return t('eta.soon');
    return seconds > 90 ? t('eta.minutes', { n: Math.round(seconds / 60) }) : t('eta.seconds', { n: seconds });
  }

  function eta() {
    const text = etaText();
    return text ? el('p', { class: 'eta', id: 'eta' }, [el('span', { class: 'spinner', 'aria-hidden': 'true' }), text])
      : null;
  }

  function reasonLine() {
    return order.reason ? el('p', { class: 'reason' }, [t('panel.reason', { reason: I18n.reason(order.reason) })])
      : null;
  }

  /** A paid MANUAL order: the shop's staff deliver it by hand. */
  function awaitingOperator() {
    return order.status === 'PAID' && (order.timeline || []).some(entry => entry.code === 'awaiting-operator');
  }

  function amount() {
    return I18n.money(order.amount, order.currency);
  }

  function panelTitle() {
    if (order.status === 'DELIVERED') {
      return t((order.cardKeys || []).length > 1 ? 'panel.DELIVERED.title.many' : 'panel.DELIVERED.title.one');
    }
    return t('panel.' + order.status + '.title');
  }

  function keysList() {
    const keys = order.cardKeys || [];
    return el('ul', { class: 'keys', 'aria-label': t('keys.heading') }, keys.map((key, i) => {
      const n = i + 1;
      const copy = el('button', { type: 'button', class: 'button secondary copy',
        'aria-label': t('keys.copyLabel', { n: n }) }, [t('keys.copy')]);
      wireCopy(copy, () => key, () => t('keys.copy'));
      return el('li', { class: 'key-row' }, [
        el('span', { class: 'key-label' }, [t('keys.label', { n: n })]),
        el('code', { class: 'card-key', 'data-card-key': '' }, [key]),
        copy
      ]);
    }));
  }

  /** The shop's instructions for the product, which the API gives only once the keys are delivered; plain text. */
  function instructionsBlock() {
    if (!order.instructions) return null;
    return el('section', { class: 'instructions', 'aria-labelledby': 'instructions-heading' }, [
      el('h3', { id: 'instructions-heading' }, [t('instructions.heading')]),
      el('p', { class: 'instructions-text', 'data-instructions': '' }, [order.instructions])
    ]);
  }

  function panelBody() {
    const entry = lastEntry();
    switch (order.status) {
      case 'PLACED':
        return [el('p', {}, [t('panel.PLACED.body')]), eta()];
      case 'PENDING_PAYMENT': {
        const payUrl = order.payment && safeUrl(order.payment.payUrl);
        return [
          el('p', {}, [order.quantity > 1 ? t('panel.reserved.many', { count: order.quantity }) : t('panel.reserved.one'),
            order.payBy ? ' ' + t('panel.payBy', { time: I18n.time(order.payBy, false) }) : '']),
          entry && entry.code === 'payment-failed' ? el('p', { class: 'inline-notice' }, [t('panel.paymentFailed')]) : null,
          payUrl ? el('a', { id: 'pay-link', class: 'button primary pay', href: payUrl, target: '_blank',
            rel: 'noopener noreferrer' }, [t('panel.payNow', { amount: amount() }),
            el('span', { class: 'visually-hidden' }, [' ' + t('common.newTab')])]) : null,
          el('p', { class: 'hint' }, [t('panel.payHint')])
        ];
      }
      case 'PAID':
        if (awaitingOperator()) {
          return [el('p', { class: 'inline-notice', 'data-awaiting-operator': '' }, [t('panel.awaitingOperator')])];
        }
        return [el('p', {}, [t('panel.PAID.body')]),
          entry && entry.code === 'supplier-retry' ? el('p', { class: 'inline-notice' }, [t('panel.supplierSlow')]) : null,
          eta()];
      case 'DELIVERED':
        return [el('p', {}, [t((order.cardKeys || []).length > 1 ? 'panel.DELIVERED.body.many' : 'panel.DELIVERED.body.one')]),
          keysList(), instructionsBlock()];
      case 'CANCELLED':
        // what happens to a payment after all matters only if the buyer could have paid
        return [reasonLine(), order.payment ? el('p', {}, [t('panel.CANCELLED.body')]) : null,
          el('p', {}, [el('a', { class: 'button secondary', href: '/' }, [t('panel.shopAgain')])])];
      case 'REFUNDING':
        return [el('p', {}, [t('panel.REFUNDING.body', { amount: amount() })]), reasonLine(), eta()];
      case 'REFUNDED':
        return [el('p', {}, [t('panel.REFUNDED.body', { amount: amount() })]), reasonLine()];
      default:
        return [];
    }
  }

  const TONES = { PLACED: 'info', PENDING_PAYMENT: 'action', PAID: 'info', DELIVERED: 'success',
    CANCELLED: 'danger', REFUNDING: 'warning', REFUNDED: 'warning' };

  function renderPanel() {
    const panel = $('panel');
    panel.dataset.tone = TONES[order.status] || 'info';
    panel.dataset.status = order.status;
    $('panel-title').textContent = panelTitle();
    const body = $('panel-body');
    body.textContent = '';
    panelBody().forEach(node => {
      if (node) body.appendChild(node);
    });
  }

  function renderTimeline() {
    const list = $('timeline');
    list.textContent = '';
    let status = null;
    (order.timeline || []).forEach(entry => {
      // every entry carries the order's status at its time; a milestone is where that status changed
      const milestone = entry.status && entry.status !== status;
      status = entry.status || status;
      list.appendChild(el('li', { class: 'event', 'data-code': entry.code || '', 'data-milestone': milestone ? 'true' : null }, [
        el('time', { datetime: entry.at }, [I18n.time(entry.at)]),
        el('span', { class: 'event-text' }, [I18n.timelineEntry(entry)])
      ]));
    });
  }

  function renderSummary() {
    const summary = $('order-summary');
    summary.textContent = '';
    if (order.productName) {
      summary.appendChild(el('span', { class: 'item' }, [(order.quantity || 1) + ' × ' + order.productName]));
    }
    if (order.amount) {
      summary.appendChild(el('span', { class: 'amount' }, [amount()]));
    }
    if (order.discount) {
      summary.appendChild(el('span', { class: 'discount', 'data-discount': '' }, [t('order.discount',
        { code: order.couponCode || '', amount: I18n.money(order.discount, order.currency) })]));
    }
    summary.hidden = !summary.childNodes.length;
    $('order-id').textContent = order.orderId || orderId;
  }

  function render() {
    if (!order) return;
    const key = order.version + '|' + order.status + '|' + I18n.language;
    if (key === rendered) return;
    rendered = key;
    $('loading').hidden = true;
    $('order').hidden = false;
    document.body.dataset.status = order.status;
    document.title = I18n.status(order.status) + ' — ' + t('order.title');
    renderSummary();
    renderSteps();
    renderPanel();
    renderTimeline();
    renderReceipt();
  }

  // ---- the receipt: offered once the order is settled ----------------------------------------

  /** Fetches the signed receipt of a settled order's history (once per version of the order). */
  async function loadReceipt() {
    if (!order || !isTerminal(order.status) || receiptFor === order.version) return;
    receiptFor = order.version;
    try {
      const answer = await request(api + '/receipt', {
        headers: { Accept: 'application/json', Authorization: 'Bearer ' + token }
      }, async response => ({ status: response.status, body: response.status === 200 ? await response.json() : null }));
      receipt = answer.status === 200 ? answer.body : answer.status === 409 ? 'broken' : null;
    } catch (e) {
      receipt = null;
      receiptFor = null; // try again with the next state
    }
    renderReceipt();
  }

  function renderReceipt() {
    const section = $('receipt');
    section.hidden = !receipt;
    if (!receipt) return;
    const state = $('receipt-state');
    if (receipt === 'broken') {
      state.className = 'inline-notice';
      state.textContent = t('receipt.notVerified');
      $('receipt-download').hidden = true;
      return;
    }
    state.className = 'verified';
    state.textContent = '✓ ' + t('receipt.verified', { count: receipt.entries.length,
      time: I18n.time(receipt.signedAt) });
    $('receipt-download').hidden = false;
  }

  function downloadReceipt() {
    if (!receipt || receipt === 'broken') return;
    const file = new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(file), download: 'cardflow-receipt-' + receipt.orderId + '.json' }, []);
    document.body.appendChild(link);
    link.click();
    window.setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 0);
  }

  function tickEta() {
    const node = $('eta');
    if (node && order) {
      const text = etaText();
      if (text && node.lastChild.textContent !== text) node.lastChild.textContent = text;
    }
  }

  function apply(next) {
    if (!next || !next.status) return;
    if (order && typeof next.version === 'number' && next.version < order.version) return; // an older view
    const before = order ? order.status : null;
    order = next;
    render();
    loadReceipt();
    watchPayment();
    if (before && before !== order.status) {
      announce(t('announce.status', { status: I18n.status(order.status), detail: panelTitle() }));
    }
  }

  function showNotFound() {
    gone = true;
    closeStream();
    window.clearTimeout(pollTimer);
    $('loading').hidden = true;
    $('order').hidden = true;
    $('not-found').hidden = false;
    document.body.dataset.title = 'order.notFoundTitle';
    document.title = t('order.notFoundTitle');
  }

  function connection(ok) {
    const notice = $('connection');
    notice.hidden = ok;
    notice.textContent = ok ? '' : t('order.connectionLost');
  }

  // ---- asking the provider when the buyer has paid --------------------------------------------

  function payOpened() {
    try {
      return window.sessionStorage.getItem(PAY_OPENED_KEY) === '1';
    } catch (e) {
      return false;
    }
  }

  function rememberPayOpened() {
    try {
      window.sessionStorage.setItem(PAY_OPENED_KEY, '1');
    } catch (e) {
      // private mode: the checks still start for this page's life
    }
  }

  /**
   * While the buyer pays (the pay link was opened, or the provider sent them back here) the page asks
   * the platform to check the payment now, at the pace the platform answers with; a lost
   * notification then costs seconds, not minutes.
   */
  async function checkPayment() {
    window.clearTimeout(checkTimer);
    checkTimer = null;
    if (gone || checking || !order || order.status !== 'PENDING_PAYMENT') return;
    checking = true;
    let again = null;
    try {
      again = await request(api + '/payment-check', {
        method: 'POST',
        headers: { Accept: 'application/json', Authorization: 'Bearer ' + token }
      }, async response => (response.status === 202 ? (await response.json()).checkAgainAfterSeconds : 5));
    } catch (e) {
      again = 5;
    } finally {
      checking = false;
    }
    if (typeof again === 'number' && order && order.status === 'PENDING_PAYMENT') {
      checkTimer = window.setTimeout(checkPayment, Math.max(1, again) * 1000);
    }
  }

  function watchPayment() {
    if (order && order.status === 'PENDING_PAYMENT' && (payOpened() || backFromPayment) && !checkTimer && !checking) {
      checkPayment();
    }
  }

  // ---- keeping up to date -------------------------------------------------------------------

  /** GET the order (with the last ETag); 'ok', 'not-found' or 'failed'. */
  async function load() {
    const headers = { Accept: 'application/json', Authorization: 'Bearer ' + token };
    if (etag) headers['If-None-Match'] = etag;
    try {
      const answer = await request(api, { headers: headers }, async response => ({
        status: response.status,
        etag: response.headers.get('ETag'),
        body: response.status === 200 ? await response.json() : null
      }));
      if (answer.status === 404) {
        showNotFound();
        return 'not-found';
      }
      if (answer.status === 200) {
        etag = answer.etag;
        apply(answer.body);
      } else if (answer.status !== 304) {
        throw new Error('HTTP ' + answer.status);
      }
      failures = 0;
      connection(true);
      return 'ok';
    } catch (e) {
      failures++;
      if (failures > 1 || !order) connection(false);
      return 'failed';
    }
  }

  function schedulePoll(seconds) {
    window.clearTimeout(pollTimer);
    pollTimer = window.setTimeout(poll, seconds * 1000);
  }

  async function poll() {
    pollTimer = null;
    const outcome = await load();
    if (outcome === 'failed') {
      schedulePoll(Math.min(MAX_BACKOFF_SECONDS, Math.pow(2, failures)));
    } else if (outcome === 'ok') {
      keepWatching();
    }
  }

  /** After a fresh state: stream while the order moves, poll when the stream is gone, rest when done. */
  function keepWatching() {
    if (gone || !order) return;
    if (isTerminal(order.status)) {
      closeStream();
      if (order.status === 'CANCELLED') schedulePoll(CANCELLED_POLL_SECONDS);
      return;
    }
    if (stream) return;
    if (!streamTried && 'EventSource' in window) {
      streamTried = true;
      openStream();
      return;
    }
    schedulePoll(order.pollAfterSeconds || DEFAULT_POLL_SECONDS);
  }

  function closeStream() {
    if (stream) {
      stream.close();
      stream = null;
    }
  }

  /** A short-lived ticket for the stream, so the access token never travels in a URL; null when none. */
  async function streamTicket() {
    try {
      return await request(api + '/stream-ticket', {
        method: 'POST',
        headers: { Accept: 'application/json', Authorization: 'Bearer ' + token }
      }, async response => (response.status === 200 ? (await response.json()).ticket : null));
    } catch (e) {
      return null;
    }
  }

  async function openStream() {
    const ticket = await streamTicket();
    if (!ticket || gone) {
      schedulePoll(0);
      return;
    }
    const source = new EventSource(api + '/updates?ticket=' + encodeURIComponent(ticket));
    stream = source;
    source.addEventListener('status', event => {
      try {
        apply(JSON.parse(event.data));
      } catch (e) {
        return; // a garbled event: the next one, or the poll, brings the state
      }
      connection(true);
      if (isTerminal(order.status)) keepWatching();
    });
    source.onerror = () => {
      if (stream !== source) return;
      // the stream failed or ended before a terminal status: poll from now on
      closeStream();
      if (!gone && !(order && isTerminal(order.status))) schedulePoll(0);
    };
  }

  async function start() {
    $('order-link').value = orderLink();
    wireCopy($('copy-link'), orderLink, () => t('link.copy'));
    $('order-link').addEventListener('focus', event => event.target.select());
    $('receipt-download').addEventListener('click', downloadReceipt);
    document.addEventListener('click', event => {
      if (event.target.closest && event.target.closest('#pay-link')) {
        rememberPayOpened();
        window.setTimeout(watchPayment, 0);
      }
    });
    // back on this tab from the provider's: ask now rather than at the next tick
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && payOpened()) checkPayment();
    });
    if (!orderId || !token) {
      showNotFound();
      return;
    }
    const outcome = await load();
    if (outcome === 'failed') {
      schedulePoll(Math.min(MAX_BACKOFF_SECONDS, Math.pow(2, failures)));
    } else if (outcome === 'ok') {
      keepWatching();
    }
  }

  I18n.onChange(() => {
    rendered = null;
    render();
    if (gone) document.title = t('order.notFoundTitle');
    if (!$('connection').hidden) connection(false);
  });

  I18n.ready.then(() => {
    window.setInterval(tickEta, 1000);
    start();
  });
})();
