/*
 * The console's words in the languages of /admin/i18n/<lang>.json (loaded by texts.js, like the
 * storefront's; the choice of language is shared with it). What the server writes (problem
 * details, timeline sentences, event and decision names) is shown as it comes: those are the
 * records' own words.
 */
(function () {
  'use strict';

  const texts = window.Cardflow.texts.catalogue('/admin/i18n/');
  const t = texts.t;

  function formatTime(iso) {
    const date = new Date(iso);
    if (isNaN(date.getTime())) {
      return String(iso);
    }
    const options = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23' };
    if (date.getFullYear() !== new Date().getFullYear()) {
      options.year = 'numeric';
    }
    return new Intl.DateTimeFormat(texts.language, options).format(date);
  }

  function formatAge(iso) {
    const since = new Date(iso).getTime();
    if (!iso || isNaN(since)) {
      return '—';
    }
    const seconds = Math.max(0, Math.floor((Date.now() - since) / 1000));
    const minutes = Math.floor(seconds / 60);
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    if (seconds < 60) {
      return t('age.seconds', { s: seconds });
    }
    if (minutes < 60) {
      return t('age.minutes', { m: minutes });
    }
    if (hours < 24) {
      return t('age.hours', { h: hours, m: minutes % 60 });
    }
    return t('age.days', { d: days, h: hours % 24 });
  }

  function formatMoney(amount, currency) {
    const value = Number(amount);
    try {
      return new Intl.NumberFormat(texts.language, { style: 'currency', currency: currency || 'EUR' }).format(value);
    } catch (e) {
      return amount + ' ' + (currency || '');
    }
  }

  function formatNumber(value, digits) {
    return new Intl.NumberFormat(texts.language, { maximumFractionDigits: digits }).format(value);
  }

  window.CardflowAdminI18n = {
    languages: texts.languages,
    language: () => texts.language,
    /** Resolves once the texts and the page are there: the console starts then. */
    ready: texts.ready,
    setLanguage: texts.setLanguage,
    onChange: texts.onChange,
    t,
    apply: texts.apply,
    formatTime,
    formatAge,
    formatMoney,
    formatNumber
  };
}());
