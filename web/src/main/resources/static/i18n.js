/*
 * The buyer's pages in the languages of /i18n/<lang>.json (loaded by texts.js). Texts the server
 * sends in English (timeline details, reasons) are worded here by their stable code and values;
 * what we do not know is shown as the server wrote it.
 */
(function () {
  'use strict';

  const texts = window.Cardflow.texts.catalogue('/i18n/');
  const t = texts.t;
  const FALLBACK = 'en';

  /** Reasons the platform gives in English (FulfilmentProcess, CardPurchase), by their key in the texts. */
  const REASONS = {
    'out of stock': 'reason.outOfStock',
    'payment not received in time': 'reason.notPaidInTime',
    'paid after the order was cancelled, and out of stock': 'reason.paidAfterCancellationOutOfStock',
    'the amount paid differs from the order\'s amount': 'reason.wrongAmount',
    'the card suppliers could not issue the keys': 'reason.suppliersFailed',
    'supplier unavailable (circuit open)': 'reason.supplierUnavailable',
    'supplier timed out': 'reason.supplierTimedOut'
  };
  const REASON_PATTERNS = [
    { pattern: /^supplier answered (\d+)$/, key: 'reason.supplierAnswered' },
    { pattern: /^supplier unreachable\b/, key: 'reason.supplierUnreachable' }
  ];

  function money(amount, currency) {
    if (amount === null || amount === undefined || amount === '') return '';
    const value = Number(amount);
    try {
      return new Intl.NumberFormat(texts.language, { style: 'currency', currency: currency }).format(value);
    } catch (e) {
      return amount + ' ' + (currency || '');
    }
  }

  function sameDay(a, b) {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  }

  /** A moment in the buyer's local time: hours to seconds, with the date when it is not today. */
  function time(iso, withSeconds) {
    if (!iso) return '';
    const date = new Date(iso);
    if (isNaN(date.getTime())) return '';
    const options = { hour: 'numeric', minute: '2-digit' };
    if (withSeconds !== false) options.second = '2-digit';
    if (!sameDay(date, new Date())) {
      options.year = 'numeric';
      options.month = 'short';
      options.day = 'numeric';
    }
    return new Intl.DateTimeFormat(texts.language, options).format(date);
  }

  function status(code) {
    return texts.has('status.' + code) ? t('status.' + code) : String(code || '');
  }

  /** A reason the platform gave in English, in the current language when we know it. */
  function reason(text) {
    if (!text || texts.language === FALLBACK) return text || '';
    if (REASONS[text]) return t(REASONS[text]);
    for (const rule of REASON_PATTERNS) {
      const found = rule.pattern.exec(text);
      if (found) return t(rule.key, found);
    }
    return text;
  }

  function filled(data, names) {
    return names.every(name => data[name] !== undefined && data[name] !== null && data[name] !== '');
  }

  /** The sentence of a timeline entry, by its code and data; the server's English detail otherwise. */
  function timelineEntry(entry) {
    const data = entry.data || {};
    const code = entry.code;
    switch (code) {
      case 'stock-reserved':
        if (!filled(data, ['quantity'])) break;
        return Number(data.quantity) === 1 ? t('timeline.stock-reserved.one')
          : t('timeline.stock-reserved.many', { quantity: data.quantity });
      case 'out-of-stock':
        if (!filled(data, ['available', 'requested'])) break;
        return t('timeline.out-of-stock', data);
      case 'supplier-retry':
        if (!filled(data, ['attempt', 'maxAttempts'])) break;
        return Number(data.attempt) < Number(data.maxAttempts)
          ? t('timeline.supplier-retry', { attempt: data.attempt, maxAttempts: data.maxAttempts,
            reason: reason(data.reason || '') })
          : t('timeline.supplier-gave-up', { maxAttempts: data.maxAttempts });
      case 'cancelled':
        if (!filled(data, ['reason'])) break;
        return t('timeline.cancelled', { reason: reason(data.reason) });
      case 'refunding':
        if (!filled(data, ['amount', 'currency', 'reason'])) break;
        return t('timeline.refunding', { amount: money(data.amount, data.currency), reason: reason(data.reason) });
      default:
        if (code && texts.has('timeline.' + code)) return t('timeline.' + code);
    }
    return entry.detail || '';
  }

  window.Cardflow.I18n = {
    languages: texts.languages,
    get language() {
      return texts.language;
    },
    /** Resolves once the texts and the page are there: the page's script starts then. */
    ready: texts.ready,
    t: t,
    apply: texts.apply,
    setLanguage: texts.setLanguage,
    onChange: texts.onChange,
    money: money,
    time: time,
    status: status,
    reason: reason,
    timelineEntry: timelineEntry
  };
})();
