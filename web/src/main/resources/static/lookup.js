/*
 * "Find my orders": the buyer's email and query password, sent to POST /api/orders/lookup; each
 * order found links to its page (with its token). A wrong password and an unknown email look
 * alike on purpose: "no orders match".
 */
(function () {
  'use strict';

  const I18n = window.Cardflow.I18n;
  const t = I18n.t;
  const { el, setText, request } = window.Cardflow.dom;
  const TIMEOUT_MS = 15000;

  const form = document.getElementById('lookup-form');
  const email = document.getElementById('lookup-email');
  const password = document.getElementById('lookup-password');
  const submit = document.getElementById('lookup-submit');
  const error = document.getElementById('lookup-error');
  const results = document.getElementById('lookup-results');
  const none = document.getElementById('lookup-none');
  const list = document.getElementById('lookup-list');

  let found = null; // the last answer, kept to redraw it in another language
  let message = null; // a function giving the current error text

  function showError(text) {
    message = text;
    setText(error, text ? text() : '');
    error.hidden = !text;
  }

  function render() {
    if (!found) {
      results.hidden = true;
      return;
    }
    results.hidden = false;
    none.hidden = found.length > 0;
    list.replaceChildren(...found.map(order => el('li', { class: 'lookup-order', 'data-order-id': order.orderId }, [
      el('a', { href: order.link, class: 'lookup-link' }, [order.productName]),
      ' ',
      el('span', { class: 'status-badge', 'data-status': order.status }, [I18n.status(order.status)]),
      el('p', { class: 'hint' }, [t('lookup.placed', { time: I18n.time(order.placedAt, false) })])
    ])));
  }

  async function lookup() {
    const address = email.value.trim();
    const secret = password.value;
    if (!address || !secret) {
      showError(() => t('lookup.invalid'));
      (address ? password : email).focus();
      return;
    }
    showError(null);
    submit.disabled = true;
    setText(submit, t('lookup.searching'));
    try {
      const answer = await request('/api/orders/lookup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email: address, queryPassword: secret })
      }, TIMEOUT_MS, async response => ({
        status: response.status,
        retryAfter: response.headers.get('Retry-After'),
        body: response.ok ? await response.json() : null
      }));
      if (answer.status === 200 && Array.isArray(answer.body)) {
        found = answer.body;
        render();
      } else if (answer.status === 429) {
        const seconds = Number(answer.retryAfter) || 60;
        showError(() => t('lookup.tooMany', { seconds: seconds }));
      } else {
        showError(() => t('lookup.failed'));
      }
    } catch (e) {
      showError(() => t('lookup.failed'));
    } finally {
      submit.disabled = false;
      setText(submit, t('lookup.submit'));
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    lookup();
  });

  I18n.onChange(() => {
    render();
    showError(message);
  });
  I18n.ready.then(render);
})();
