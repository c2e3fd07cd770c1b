/*
 * The pages' texts, for the buyer's pages and the console alike: one JSON file per language
 * (/i18n/<lang>.json, /admin/i18n/<lang>.json), so a translator edits data, not code. The language
 * is the visitor's choice (kept in localStorage, shared by every page), else the first of
 * navigator.languages we speak, else English; a text a language lacks is shown in English.
 * A message is a string with {name} placeholders, or {"one": …, "other": …} chosen by {count}.
 */
(function () {
  'use strict';

  const STORAGE_KEY = 'cardflow.language';
  const FALLBACK = 'en';
  const LANGUAGES = [
    { code: 'en', name: 'English' },
    { code: 'zh-CN', name: '简体中文' },
    { code: 'vi', name: 'Tiếng Việt' }
  ];

  function supported(code) {
    return LANGUAGES.some(language => language.code === code);
  }

  /** The closest language we speak for a BCP 47 tag, or null. */
  function match(tag) {
    const lower = String(tag || '').toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower === 'vi' || lower.startsWith('vi-')) return 'vi';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    return null;
  }

  function stored() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return null; // storage disabled: the choice lasts for this page only
    }
  }

  function store(code) {
    try {
      window.localStorage.setItem(STORAGE_KEY, code);
    } catch (e) {
      // storage disabled: nothing to keep
    }
  }

  function initialLanguage() {
    const chosen = stored();
    if (supported(chosen)) return chosen;
    const preferred = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language];
    for (const tag of preferred) {
      const found = match(tag);
      if (found) return found;
    }
    return FALLBACK;
  }

  function format(template, params) {
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      params && params[name] !== undefined && params[name] !== null ? String(params[name]) : whole);
  }

  const domReady = new Promise(resolve => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve);
    else resolve();
  });

  /** A language file; asked again a few times, since a page without it falls back to the HTML's English. */
  async function fetchJson(url) {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(url, { credentials: 'same-origin' });
        if (response.ok) return await response.json();
        if (attempt >= 3) throw new Error(url + ' answered ' + response.status);
      } catch (e) {
        if (attempt >= 3) throw e;
      }
      await new Promise(resolve => window.setTimeout(resolve, 250 * attempt));
    }
  }

  /** The texts of the files under base (ending in /), in the visitor's language. */
  function catalogue(base) {
    const files = {};
    const listeners = [];
    let current = initialLanguage();
    let wanted = current;
    let messages = {};
    let english = {};
    let loaded = false;

    function load(code) {
      if (!files[code]) {
        files[code] = fetchJson(base + code + '.json').catch(e => {
          delete files[code]; // a later switch may try again
          throw e;
        });
      }
      return files[code];
    }

    async function use(code) {
      const [own, fallback] = await Promise.all([load(code), load(FALLBACK)]);
      if (wanted !== code) return false; // a later choice overtook this one
      messages = own;
      english = fallback;
      current = code;
      loaded = true;
      return true;
    }

    function lookup(key) {
      const own = messages[key];
      return own !== undefined ? own : english[key];
    }

    function has(key) {
      return lookup(key) !== undefined;
    }

    /** The text of key in the current language, with its {name}s filled in; otherwise (else key) when unknown. */
    function t(key, params, otherwise) {
      let text = lookup(key);
      if (text === undefined) return otherwise !== undefined ? otherwise : key;
      if (typeof text === 'object') {
        const form = new Intl.PluralRules(current).select(Number(params && params.count));
        text = text[form] !== undefined ? text[form] : text.other;
      }
      return format(text, params);
    }

    /** Fills every [data-i18n] element and [data-i18n-attr="attr:key;…"] attribute under root. */
    function apply(root) {
      if (!loaded) return; // no texts came: the HTML's own English words stay
      const scope = root || document;
      if (scope === document) {
        document.documentElement.lang = current;
        if (document.body && document.body.dataset.title) document.title = t(document.body.dataset.title);
      }
      scope.querySelectorAll('[data-i18n]').forEach(node => {
        node.textContent = t(node.dataset.i18n);
      });
      scope.querySelectorAll('[data-i18n-attr]').forEach(node => {
        node.dataset.i18nAttr.split(/[;,]/).forEach(pair => {
          const [attribute, key] = pair.split(':').map(s => s.trim());
          if (attribute && key) node.setAttribute(attribute, t(key));
        });
      });
    }

    function showChoice() {
      document.querySelectorAll('select[data-language-switch]').forEach(select => {
        select.value = current;
      });
    }

    /** Switches to code once its texts are here; the page then hears of it through onChange. */
    async function setLanguage(code, remember) {
      if (!supported(code)) return;
      wanted = code;
      if (remember) store(code);
      try {
        if (!(await use(code))) return;
      } catch (e) {
        showChoice(); // the texts did not come: stay in the language shown
        return;
      }
      apply(document);
      showChoice();
      listeners.forEach(fn => fn(code));
    }

    /** Turns a <select data-language-switch> into the language switch; a change applies at once. */
    function mountSwitch(select) {
      select.textContent = '';
      LANGUAGES.forEach(language => {
        const option = document.createElement('option');
        option.value = language.code;
        option.lang = language.code;
        option.textContent = language.name;
        select.appendChild(option);
      });
      select.value = current;
      select.addEventListener('change', () => setLanguage(select.value, true));
    }

    // the texts, then the page: ready resolves when both are there (in English if the files failed)
    const ready = use(current)
      .catch(() => {
        wanted = FALLBACK;
        return use(FALLBACK);
      })
      .catch(() => null)
      .then(() => domReady)
      .then(() => {
        document.querySelectorAll('select[data-language-switch]').forEach(mountSwitch);
        apply(document);
      });

    return {
      languages: LANGUAGES,
      get language() {
        return current;
      },
      ready: ready,
      t: t,
      has: has,
      format: format,
      apply: apply,
      setLanguage: setLanguage,
      onChange: fn => listeners.push(fn)
    };
  }

  window.Cardflow = window.Cardflow || {};
  window.Cardflow.texts = { catalogue: catalogue };
})();
