/*
 * The storefront: products with live stock, and a checkout per product. A checkout sends one
 * Idempotency-Key for all its tries, so a retry after a timeout or a 5xx can never make a second
 * order; on 202 the buyer goes to the order page.
 */
(function () {
  'use strict';

  const I18n = window.Cardflow.I18n;
  const t = I18n.t;

  const REFRESH_MS = 5000;
  const LIST_TIMEOUT_MS = 8000;
  const ORDER_TIMEOUT_MS = 10000;
  const ORDER_ATTEMPTS = 4;
  const MAX_QUANTITY = 10;
  const LOW_STOCK = 5;
  const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

  const list = document.getElementById('products');
  const notice = document.getElementById('products-notice');
  const announcer = document.getElementById('announcer');

  /** productId → the card showing it (its elements, its product, its checkout in progress). */
  const cards = new Map();
  let nextId = 1;
  let listState = 'loading'; // loading | shown | failed
  let refreshStale = false;
  let refreshTimer = null;

  // ---- small helpers ------------------------------------------------------------------------

  const { el, setText, request } = window.Cardflow.dom;

  function announce(text) {
    window.Cardflow.dom.announce(announcer, text);
  }



  function sleep(ms) {
    return new Promise(resolve => window.setTimeout(resolve, ms));
  }

  /** A fresh idempotency key: randomUUID where the browser offers it (secure contexts only). */
  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    const bytes = new Uint8Array(16);
    if (window.crypto && typeof window.crypto.getRandomValues === 'function') {
      window.crypto.getRandomValues(bytes);
    } else {
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
  }



  function stockState(product) {
    if (product.available === null || product.available === undefined) return 'always';
    if (product.available <= 0) return 'out';
    return product.available <= LOW_STOCK ? 'low' : 'in';
  }

  function maxQuantity(product) {
    const cap = quantityCap(product);
    return stockState(product) === 'always' ? cap : Math.max(0, Math.min(cap, product.available));
  }

  // ---- a product's own terms: its cap per order and its volume prices ---------------------------

  /** The most keys one order may ask for: the product's maxPerOrder, else the shop's 10. */
  function quantityCap(product) {
    return Number.isInteger(product.maxPerOrder) && product.maxPerOrder > 0 ? product.maxPerOrder : MAX_QUANTITY;
  }

  /** The price of one key in an order of {@code quantity}: the volume price of the largest tier reached. */
  function unitPrice(product, quantity) {
    let price = Number(product.price);
    let reached = 0;
    (product.priceTiers || []).forEach(tier => {
      if (tier.minQuantity <= quantity && tier.minQuantity > reached) {
        price = Number(tier.price);
        reached = tier.minQuantity;
      }
    });
    return price;
  }

  function tierTexts(product) {
    return (product.priceTiers || []).map(tier => t('product.tier',
      { quantity: tier.minQuantity, price: I18n.money(tier.price, product.currency) })).join(' · ');
  }

  // ---- the product list ---------------------------------------------------------------------

  function createCard(product) {
    const id = 'p' + (nextId++);
    const card = { id: id, product: product, pending: null, busy: false, message: null, fieldErrors: {} };

    card.name = el('h3', { id: id + '-name', class: 'product-name' });
    card.price = el('p', { class: 'price' });
    card.description = el('p', { class: 'description', hidden: true });
    card.tiers = el('p', { class: 'tiers', hidden: true });
    card.stock = el('p', { class: 'stock' });
    card.buy = el('button', { type: 'button', class: 'button primary buy', 'aria-expanded': 'false',
      'aria-controls': id + '-form' });

    card.legend = el('legend', { class: 'visually-hidden' });
    card.emailLabel = el('label', { for: id + '-email' });
    card.email = el('input', { id: id + '-email', name: 'email', type: 'email', autocomplete: 'email',
      inputmode: 'email', spellcheck: 'false', autocapitalize: 'off', maxlength: '254', required: true,
      'aria-describedby': id + '-email-hint ' + id + '-email-error' });
    card.emailHint = el('p', { id: id + '-email-hint', class: 'hint' });
    card.emailError = el('p', { id: id + '-email-error', class: 'field-error', hidden: true });
    card.quantityLabel = el('label', { for: id + '-quantity' });
    card.quantity = el('select', { id: id + '-quantity', name: 'quantity',
      'aria-describedby': id + '-quantity-error' });
    card.quantityError = el('p', { id: id + '-quantity-error', class: 'field-error', hidden: true });
    card.methodLabel = el('label', { for: id + '-method' });
    card.method = el('select', { id: id + '-method', name: 'paymentMethod' });
    card.methods = null;
    buildExtras(card);
    card.total = el('p', { class: 'total', 'aria-live': 'polite' });
    card.progress = el('p', { class: 'form-progress', role: 'status', 'aria-live': 'polite' });
    card.error = el('p', { class: 'form-error', role: 'alert' });
    card.submit = el('button', { type: 'submit', class: 'button primary' });
    card.cancel = el('button', { type: 'button', class: 'button secondary' });

    card.form = el('form', { id: id + '-form', class: 'checkout', novalidate: true, hidden: true }, [
      el('fieldset', {}, [
        card.legend,
        el('div', { class: 'field' }, [card.emailLabel, card.email, card.emailHint, card.emailError]),
        el('div', { class: 'field field-quantity' }, [card.quantityLabel, card.quantity, card.quantityError]),
        el('div', { class: 'field field-method' }, [card.methodLabel, card.method]),
        card.extras,
        card.total,
        card.progress,
        card.error,
        el('div', { class: 'actions' }, [card.submit, card.cancel])
      ])
    ]);

    card.root = el('li', { class: 'product', 'data-product-id': product.productId }, [
      el('article', { 'aria-labelledby': id + '-name' }, [
        el('div', { class: 'product-head' }, [card.name, card.price]),
        card.description,
        card.tiers,
        el('div', { class: 'product-foot' }, [card.stock, card.buy]),
        card.form
      ])
    ]);

    addQueryPasswordField(card);
    card.buy.addEventListener('click', () => toggle(card, true));
    card.cancel.addEventListener('click', () => toggle(card, false));
    card.quantity.addEventListener('change', () => updateTotal(card));
    card.email.addEventListener('input', () => {
      if (card.fieldErrors.email) setFieldError(card, 'email', null);
    });
    card.form.addEventListener('submit', event => {
      event.preventDefault();
      checkout(card);
    });
    card.form.addEventListener('keydown', event => {
      if (event.key === 'Escape' && !card.busy) toggle(card, false);
    });
    return card;
  }

  function toggle(card, open) {
    card.form.hidden = !open;
    card.buy.setAttribute('aria-expanded', String(open));
    card.buy.hidden = open;
    if (open) {
      loadMethods(card);
      card.email.focus();
    } else {
      card.buy.focus();
    }
  }

  /** The ways to pay for this product, as the shop offers them; asked once when the form first opens. */
  async function loadMethods(card) {
    if (card.methods) return;
    try {
      const methods = await request('/api/payment-methods?productId=' + encodeURIComponent(card.product.productId),
        { headers: { Accept: 'application/json' } }, LIST_TIMEOUT_MS, async response => {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        });
      card.methods = Array.isArray(methods) ? methods : [];
    } catch (e) {
      card.methods = null;
      return;
    }
    fillMethods(card);
  }

  function methodName(method) {
    const key = 'method.' + method.id + (method.id === 'epay' ? (method.name === 'WeChat Pay' ? '.wxpay' : '.alipay') : '');
    const text = t(key);
    return text === key ? method.name : text;
  }

  function fillMethods(card) {
    if (!card.methods) return;
    const chosen = card.method.value;
    card.method.textContent = '';
    card.methods.forEach(method => card.method.appendChild(el('option', { value: method.id }, [methodName(method)])));
    if (card.methods.some(method => method.id === chosen)) card.method.value = chosen;
  }

  function fillQuantities(card, max) {
    const options = Math.max(1, max);
    if (card.quantity.options.length === options) return;
    const chosen = Number(card.quantity.value) || 1;
    card.quantity.textContent = '';
    for (let n = 1; n <= options; n++) {
      card.quantity.appendChild(el('option', { value: String(n) }, [String(n)]));
    }
    card.quantity.value = String(Math.min(chosen, options));
  }

  function updateTotal(card) {
    const quantity = Number(card.quantity.value) || 1;
    // whole cents, so that 3 × 8.10 shows as 24.30
    const total = Math.round(unitPrice(card.product, quantity) * 100) * quantity / 100;
    setText(card.total, t('checkout.total', { amount: I18n.money(total, card.product.currency) }));
  }

  /** Writes a product's texts and stock into its card, keeping whatever the buyer typed. */
  function updateCard(card) {
    const product = card.product;
    const state = stockState(product);
    const max = maxQuantity(product);

    setText(card.name, product.name);
    setText(card.price, I18n.money(product.price, product.currency));
    setText(card.description, product.description || '');
    card.description.hidden = !product.description;
    setText(card.tiers, tierTexts(product));
    card.tiers.hidden = !(product.priceTiers && product.priceTiers.length);
    card.stock.dataset.state = state;
    setText(card.stock, state === 'always' ? t('product.alwaysAvailable')
      : state === 'out' ? t('product.soldOut')
        : t(state === 'low' ? 'product.lowStock' : 'product.inStock', { count: product.available }));
    card.root.classList.toggle('sold-out', state === 'out');

    setText(card.buy, state === 'out' ? t('product.soldOut') : t('product.buy'));
    card.buy.setAttribute('aria-label', state === 'out' ? product.name + ': ' + t('product.soldOut')
      : t('product.buyLabel', { name: product.name }));
    card.buy.disabled = state === 'out';

    setText(card.legend, t('checkout.legend', { name: product.name }));
    setText(card.emailLabel, t('checkout.email'));
    setText(card.emailHint, t('checkout.emailHint'));
    setText(card.quantityLabel, t('checkout.quantity'));
    setText(card.methodLabel, t('checkout.method'));
    fillMethods(card);
    setText(card.cancel, t('checkout.cancel'));
    fillQuantities(card, max);
    renderExtras(card);
    updateTotal(card);
    if (!card.busy) {
      setText(card.submit, t('checkout.submit'));
      card.submit.disabled = state === 'out';
      if (state === 'out' && !card.message) {
        showMessage(card, 'error', () => t('checkout.soldOut'), 'sold-out');
      } else if (state !== 'out' && card.message && card.message.tag === 'sold-out') {
        showMessage(card, null, null);
      }
    }
    renderFieldErrors(card);
    updateQueryPasswordField(card);
    renderMessage(card);
  }

  function showProducts(products) {
    const seen = new Set();
    let previous = null;
    products.forEach(product => {
      seen.add(product.productId);
      let card = cards.get(product.productId);
      if (!card) {
        card = createCard(product);
        cards.set(product.productId, card);
        // new cards go where the server lists them; existing ones never move (they may hold focus)
        list.insertBefore(card.root, previous ? previous.root.nextSibling : list.firstChild);
      }
      card.product = product;
      updateCard(card);
      previous = card;
    });
    cards.forEach((card, productId) => {
      if (!seen.has(productId) && !card.busy) {
        card.root.remove();
        cards.delete(productId);
      }
    });
  }

  function renderNotice() {
    let key = null;
    if (listState === 'loading') key = 'shop.loading';
    else if (listState === 'failed') key = 'shop.loadFailed';
    else if (cards.size === 0) key = 'shop.empty';
    else if (refreshStale) key = 'shop.refreshFailed';
    notice.hidden = key === null;
    notice.classList.toggle('warning', listState === 'failed' || refreshStale);
    if (key) {
      notice.dataset.i18n = key;
      notice.textContent = t(key);
    }
  }

  async function refresh() {
    refreshTimer = null;
    try {
      const products = await request('/api/products', { headers: { Accept: 'application/json' } }, LIST_TIMEOUT_MS,
        async response => {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        });
      showProducts(Array.isArray(products) ? products : []);
      listState = 'shown';
      refreshStale = false;
    } catch (e) {
      if (listState === 'shown') refreshStale = true;
      else listState = 'failed';
    }
    renderNotice();
    schedule();
  }

  function schedule() {
    if (refreshTimer === null && !document.hidden) {
      refreshTimer = window.setTimeout(refresh, REFRESH_MS);
    }
  }

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && refreshTimer === null) refresh();
  });

  // ---- buyer fields (MANUAL products) and the coupon ----------------------------------------

  /** The coupon field, and a place for the fields a MANUAL product asks the buyer (built by renderExtras). */
  function buildExtras(card) {
    card.couponLabel = el('label', { for: card.id + '-coupon' });
    card.coupon = el('input', { id: card.id + '-coupon', name: 'couponCode', type: 'text', maxlength: '40',
      autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', 'aria-describedby': card.id + '-coupon-hint' });
    card.couponHint = el('p', { id: card.id + '-coupon-hint', class: 'hint' });
    card.buyerFields = el('div', { class: 'buyer-fields' });
    card.buyerFieldsShown = null;
    card.extras = el('div', { class: 'checkout-extras' }, [
      card.buyerFields,
      el('div', { class: 'field field-coupon' }, [card.couponLabel, card.coupon, card.couponHint])
    ]);
  }

  /** Writes the extras' texts; rebuilds the buyer fields only when the product's change (keeping what was typed). */
  function renderExtras(card) {
    setText(card.couponLabel, t('checkout.coupon'));
    setText(card.couponHint, t('checkout.couponHint'));
    const fields = Array.isArray(card.product.buyerFields) ? card.product.buyerFields : [];
    const shape = JSON.stringify(fields);
    if (card.buyerFieldsShown !== shape) {
      const typed = {};
      card.buyerFields.querySelectorAll('input').forEach(input => { typed[input.name] = input.value; });
      card.buyerFields.textContent = '';
      fields.forEach((field, i) => {
        const inputId = card.id + '-field-' + i;
        const input = el('input', { id: inputId, name: field.name, type: 'text', maxlength: '200',
          'data-buyer-field': field.name, 'aria-describedby': inputId + '-error', required: field.required ? true : null });
        input.value = typed[field.name] || '';
        const label = el('label', { for: inputId });
        const error = el('p', { id: inputId + '-error', class: 'field-error', hidden: true });
        input.addEventListener('input', () => { error.hidden = true; input.removeAttribute('aria-invalid'); });
        card.buyerFields.appendChild(el('div', { class: 'field field-buyer', 'data-field': field.name },
          [label, input, error]));
      });
      card.buyerFieldsShown = shape;
    }
    fields.forEach((field, i) => {
      const label = card.buyerFields.querySelector('label[for="' + card.id + '-field-' + i + '"]');
      if (label) setText(label, field.required ? field.label : field.label + ' ' + t('checkout.optional'));
    });
  }

  /** Adds the buyer's field values and coupon to the placement; false (with the field marked) when one is missing. */
  function addExtras(card, body) {
    const fields = Array.isArray(card.product.buyerFields) ? card.product.buyerFields : [];
    const values = {};
    let missing = null;
    fields.forEach((field, i) => {
      const input = document.getElementById(card.id + '-field-' + i);
      const error = document.getElementById(card.id + '-field-' + i + '-error');
      const value = input ? input.value.trim() : '';
      if (value) values[field.name] = value;
      if (field.required && !value && input) {
        setText(error, t('checkout.fieldRequired', { label: field.label }));
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        missing = missing || input;
      }
    });
    if (missing) {
      missing.focus();
      return false;
    }
    if (Object.keys(values).length) body.fields = values;
    const coupon = card.coupon.value.trim();
    if (coupon) body.couponCode = coupon;
    return true;
  }

  // ---- checkout -----------------------------------------------------------------------------

  function setFieldError(card, field, key, params) {
    card.fieldErrors[field] = key ? { key: key, params: params } : null;
    renderFieldErrors(card);
  }

  function renderFieldErrors(card) {
    [['email', card.email, card.emailError], ['quantity', card.quantity, card.quantityError]]
      .forEach(([field, input, message]) => {
        const error = card.fieldErrors[field];
        message.hidden = !error;
        setText(message, error ? t(error.key, error.params) : '');
        if (error) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      });
  }

  /** A message under the form; kept as a function so that it follows a change of language. */
  function showMessage(card, kind, text, tag) {
    card.message = text ? { kind: kind, text: text, tag: tag } : null;
    renderMessage(card);
  }

  function renderMessage(card) {
    const message = card.message;
    setText(card.progress, message && message.kind !== 'error' ? message.text() : '');
    setText(card.error, message && message.kind === 'error' ? message.text() : '');
    card.progress.hidden = !card.progress.textContent;
    card.error.hidden = !card.error.textContent;
  }

  function setBusy(card, busy) {
    card.busy = busy;
    card.submit.disabled = busy || stockState(card.product) === 'out';
    card.submit.textContent = busy ? t('checkout.submitting') : t('checkout.submit');
    card.submit.setAttribute('aria-busy', String(busy));
    card.cancel.disabled = busy;
    card.email.readOnly = busy;
    card.quantity.disabled = busy;
    card.method.disabled = busy;
    if (card.queryPassword) card.queryPassword.readOnly = busy;
    card.extras.querySelectorAll('input').forEach(input => { input.readOnly = busy; });
  }

  function retryAfterSeconds(header) {
    if (!header) return null;
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
    const date = Date.parse(header);
    return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - Date.now()) / 1000));
  }

  function problemDetail(text, status) {
    try {
      const problem = JSON.parse(text);
      if (problem && (problem.detail || problem.title)) return String(problem.detail || problem.title);
    } catch (e) {
      // not problem+json: say what we know
    }
    return 'HTTP ' + status;
  }

  /**
   * POST /api/orders, retried with the same key on network failures, timeouts and 5xx: the
   * server then answers with the same order, never a second one. A 4xx is final.
   */
  async function placeOrder(body, key, onRetry) {
    for (let attempt = 1; attempt <= ORDER_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        onRetry(attempt);
        const base = 500 * Math.pow(2, attempt - 2);
        await sleep(base + Math.random() * base / 2);
      }
      try {
        const answer = await request('/api/orders', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify(body)
        }, ORDER_TIMEOUT_MS, async response => ({
          status: response.status,
          retryAfter: response.headers.get('Retry-After'),
          text: await response.text()
        }));
        if (answer.status >= 200 && answer.status < 300) {
          const accepted = JSON.parse(answer.text);
          if (accepted && accepted.orderId && accepted.accessToken) {
            return { accepted: accepted };
          }
        } else if (answer.status < 500 && answer.status !== 408) {
          return { status: answer.status, detail: problemDetail(answer.text, answer.status),
            retryAfter: retryAfterSeconds(answer.retryAfter) };
        }
      } catch (e) {
        // a network failure, a timeout or a garbled answer: the order may exist, so ask again with the same key
      }
    }
    return { unreachable: true };
  }

  async function checkout(card) {
    if (card.busy) return;
    const email = card.email.value.trim();
    const quantity = Number(card.quantity.value);
    const max = maxQuantity(card.product);
    showMessage(card, null, null);

    let invalid = null;
    if (!EMAIL.test(email) || email.length > 254) {
      setFieldError(card, 'email', 'checkout.invalidEmail');
      invalid = card.email;
    } else {
      setFieldError(card, 'email', null);
    }
    if (max === 0) {
      showMessage(card, 'error', () => t('checkout.soldOut'), 'sold-out');
      return;
    }
    if (!(Number.isInteger(quantity) && quantity >= 1 && quantity <= max)) {
      setFieldError(card, 'quantity', 'checkout.invalidQuantity', { max: max });
      invalid = invalid || card.quantity;
    } else {
      setFieldError(card, 'quantity', null);
    }
    const queryPassword = checkedQueryPassword(card);
    if (queryPassword === false) invalid = invalid || card.queryPassword;
    if (invalid) {
      invalid.focus();
      return;
    }

    const body = { productId: card.product.productId, quantity: quantity, email: email };
    if (card.method.value) body.paymentMethod = card.method.value;
    if (!addExtras(card, body)) return;
    // another password makes another checkout (the server keeps the first one for a retried key)
    if (queryPassword) body.queryPassword = queryPassword;
    const fingerprint = JSON.stringify(body);
    // the buyer's mails come in the language of the page (not part of what makes the order the same)
    body.language = I18n.language;
    // the same checkout tried again keeps its key (it may have been placed already); a changed one is new
    if (!card.pending || card.pending.fingerprint !== fingerprint) {
      card.pending = { key: uuid(), fingerprint: fingerprint };
    }
    setBusy(card, true);
    showMessage(card, 'progress', () => t('checkout.submitting'));

    const outcome = await placeOrder(body, card.pending.key, attempt =>
      showMessage(card, 'progress', () => t('checkout.retrying', { attempt: attempt, max: ORDER_ATTEMPTS })));

    if (outcome.accepted) {
      showMessage(card, 'progress', () => t('checkout.placed'));
      announce(t('checkout.placed'));
      window.location.assign('/orders/' + encodeURIComponent(outcome.accepted.orderId)
        + '?token=' + encodeURIComponent(outcome.accepted.accessToken));
      return;
    }
    setBusy(card, false);
    if (outcome.unreachable) {
      showMessage(card, 'error', () => t('checkout.failed'));
    } else {
      // refused: nothing was stored, so the next try is a new checkout
      card.pending = null;
      const seconds = outcome.status === 429 ? outcome.retryAfter : null;
      showMessage(card, 'error', () => t('checkout.refused') + ' ' + outcome.detail
        + (seconds ? ' ' + t('checkout.retryAfter', { seconds: seconds }) : ''));
    }
    card.submit.focus();
  }

  // ---- the optional query password (to find the order again at /lookup) -----------------------

  const QUERY_PASSWORD_MIN = 6;
  const QUERY_PASSWORD_MAX = 64;

  function addQueryPasswordField(card) {
    const id = card.id + '-query-password';
    card.queryPasswordLabel = el('label', { for: id });
    card.queryPassword = el('input', { id: id, name: 'queryPassword', type: 'password', autocomplete: 'new-password',
      maxlength: String(QUERY_PASSWORD_MAX), 'aria-describedby': id + '-hint ' + id + '-error' });
    card.queryPasswordHint = el('p', { id: id + '-hint', class: 'hint' });
    card.queryPasswordError = el('p', { id: id + '-error', class: 'field-error', hidden: true });
    card.queryPasswordInvalid = false;
    card.form.querySelector('fieldset').insertBefore(el('div', { class: 'field field-query-password' },
      [card.queryPasswordLabel, card.queryPassword, card.queryPasswordHint, card.queryPasswordError]), card.total);
    card.queryPassword.addEventListener('input', () => {
      if (card.queryPasswordInvalid) {
        card.queryPasswordInvalid = false;
        updateQueryPasswordField(card);
      }
    });
  }

  function updateQueryPasswordField(card) {
    if (!card.queryPassword) return;
    setText(card.queryPasswordLabel, t('checkout.queryPassword'));
    setText(card.queryPasswordHint, t('checkout.queryPasswordHint'));
    card.queryPasswordError.hidden = !card.queryPasswordInvalid;
    setText(card.queryPasswordError, card.queryPasswordInvalid
      ? t('checkout.invalidQueryPassword', { min: QUERY_PASSWORD_MIN, max: QUERY_PASSWORD_MAX }) : '');
    if (card.queryPasswordInvalid) card.queryPassword.setAttribute('aria-invalid', 'true');
    else card.queryPassword.removeAttribute('aria-invalid');
  }

  /** The password typed (null: none), or false when it is too short or too long. */
  function checkedQueryPassword(card) {
    const value = card.queryPassword ? card.queryPassword.value : '';
    const length = Array.from(value).length;
    card.queryPasswordInvalid = value !== '' && (length < QUERY_PASSWORD_MIN || length > QUERY_PASSWORD_MAX);
    updateQueryPasswordField(card);
    return card.queryPasswordInvalid ? false : (value || null);
  }

  // ---- start --------------------------------------------------------------------------------

  I18n.onChange(() => {
    cards.forEach(updateCard);
    renderNotice();
  });

  I18n.ready.then(() => {
    renderNotice();
    refresh();
  });
})();
