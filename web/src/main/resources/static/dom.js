/* Small DOM and fetch helpers shared by the shop's pages. */
(function () {
  'use strict';

  /** An element with attributes (true: present, false/null: absent) and children (text or nodes). */
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === true) node.setAttribute(name, '');
      else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
    });
    (children || []).forEach(child => {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  /** Changes a text only when it differs, so that live regions do not repeat themselves. */
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  /** Says {@code text} in a polite live region; emptied first so that a repeated message is read again. */
  function announce(region, text) {
    region.textContent = '';
    window.setTimeout(() => {
      region.textContent = text;
    }, 60);
  }

  /** fetch with a deadline that covers reading the body too. */
  async function request(url, options, timeoutMs, read) {
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(url, Object.assign({ cache: 'no-store', credentials: 'same-origin' }, options,
        { signal: controller.signal }));
      return await read(response);
    } finally {
      window.clearTimeout(timer);
    }
  }

  /**
   * In demo mode, a note at the top of the page that payments are simulated ({@code GET /api/shop}).
   * {@code translate} fills its text and is called again by the page when the language changes.
   */
  async function demoBanner(messageKey, translate) {
    let shop;
    try {
      shop = await request('/api/shop', {}, 10000, response => (response.ok ? response.json() : null));
    } catch (e) {
      return null; // no banner is better than a page that fails for it
    }
    if (!shop || shop.mode !== 'demo' || document.querySelector('.demo-banner')) return null;
    const note = el('p', { class: 'demo-banner', role: 'note', 'data-i18n': messageKey },
      ['Demo shop: payments are simulated']);
    const skip = document.body.querySelector('.skip-link, .skip');
    document.body.insertBefore(note, skip ? skip.nextSibling : document.body.firstChild);
    if (translate) translate(note);
    return note;
  }

  // every page: the buyer's (Cardflow.I18n) and the console (CardflowAdminI18n) both know common.demo
  document.addEventListener('DOMContentLoaded', () => {
    demoBanner('common.demo', note => {
      const i18n = window.Cardflow.I18n || window.CardflowAdminI18n;
      if (i18n) i18n.ready.then(() => {
        note.textContent = i18n.t('common.demo');
      });
    });
  });

  window.Cardflow = window.Cardflow || {};
  window.Cardflow.dom = { el, setText, announce, request, demoBanner };
})();
