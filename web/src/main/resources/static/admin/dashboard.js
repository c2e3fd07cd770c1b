/*
 * The console's sales dashboard (#dashboard): totals, deliveries and revenue per day as an inline
 * SVG chart drawn here (no library, nothing from other sites), the products' figures, and the CSV
 * export of the same range. Days are UTC days; the range is from the first day to the last, both
 * included. admin.js shows the view and calls open() and render().
 */
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const DAY_MS = 24 * 60 * 60 * 1000;
  const state = { stats: null, error: null, loaded: false, request: 0 };

  const I18N = () => window.CardflowAdminI18n;
  const t = (key, params) => I18N().t(key, params);
  const $ = id => document.getElementById(id);

  function h(tag, attributes, children) {
    return window.Cardflow.dom.el(tag, attributes, children);
  }

  function svg(tag, attributes, children) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
    (children || []).forEach(child => node.appendChild(typeof child === 'string'
      ? document.createTextNode(child) : child));
    return node;
  }

  function utcDay(date) {
    return date.toISOString().slice(0, 10);
  }

  /** The chosen range as instants: [first day 00:00Z, the day after the last 00:00Z). */
  function range() {
    const from = $('dashboard-from').value;
    const to = $('dashboard-to').value;
    if (!from || !to) return null;
    const start = new Date(from + 'T00:00:00Z');
    const end = new Date(new Date(to + 'T00:00:00Z').getTime() + DAY_MS);
    if (isNaN(start.getTime()) || isNaN(end.getTime()) || start >= end) return null;
    return { from: start.toISOString(), to: end.toISOString() };
  }

  function query(r) {
    return '?from=' + encodeURIComponent(r.from) + '&to=' + encodeURIComponent(r.to);
  }

  async function load() {
    const r = range();
    if (!r) {
      state.error = t('dashboard.invalidRange');
      render();
      return;
    }
    $('dashboard-csv').setAttribute('href', '/admin/api/orders.csv' + query(r));
    const request = ++state.request;
    let result;
    try {
      const response = await fetch('/admin/api/stats' + query(r), {
        headers: { Accept: 'application/json, application/problem+json' }, credentials: 'same-origin',
        cache: 'no-store'
      });
      const body = await response.json().catch(() => null);
      result = response.ok ? { stats: body } : { error: (body && (body.detail || body.title)) || response.status };
    } catch (e) {
      result = { error: t('error.network') };
    }
    if (request !== state.request) return;
    state.stats = result.stats || null;
    state.error = result.error ? String(result.error) : null;
    render();
  }

  function money(revenue) {
    if (!revenue || revenue.length === 0) return '—';
    return revenue.map(r => I18N().formatMoney(r.amount, r.currency)).join(' · ');
  }

  function renderTotals(stats) {
    const cards = [
      ['placed', stats.orders.placed], ['delivered', stats.orders.delivered],
      ['refunded', stats.orders.refunded], ['cancelled', stats.orders.cancelled]
    ].map(([key, value]) => h('div', { class: 'card total', 'data-total': key }, [
      h('p', { class: 'muted small' }, [t('dashboard.total.' + key)]),
      h('p', { class: 'total-value' }, [I18N().formatNumber(value, 0)])
    ]));
    cards.push(h('div', { class: 'card total', 'data-total': 'revenue' }, [
      h('p', { class: 'muted small' }, [t('dashboard.total.revenue')]),
      h('p', { class: 'total-value' }, [money(stats.revenue)])
    ]));
    $('dashboard-totals').replaceChildren(...cards);
  }

  /** The currency the line shows: the one with the most revenue in the range. */
  function mainCurrency(stats) {
    let best = null;
    (stats.revenue || []).forEach(r => {
      if (!best || Math.abs(Number(r.amount)) > Math.abs(Number(best.amount))) best = r;
    });
    return best ? best.currency : null;
  }

  function revenueOn(day, currency) {
    const found = (day.revenue || []).find(r => r.currency === currency);
    return found ? Number(found.amount) : 0;
  }

  function renderChart(stats) {
    const days = stats.days || [];
    const currency = mainCurrency(stats);
    const width = 760;
    const height = 260;
    const left = 44;
    const right = 72;
    const top = 16;
    const bottom = 36;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const maxDelivered = Math.max(1, ...days.map(d => d.delivered));
    const revenues = days.map(d => revenueOn(d, currency));
    const maxRevenue = Math.max(0, ...revenues);
    const minRevenue = Math.min(0, ...revenues);
    const revenueSpan = maxRevenue - minRevenue || 1;
    const step = plotWidth / Math.max(1, days.length);
    const yRevenue = value => top + plotHeight - ((value - minRevenue) / revenueSpan) * plotHeight;

    const summary = t('dashboard.chartSummary', {
      days: days.length, delivered: stats.orders.delivered, revenue: money(stats.revenue)
    });
    const chart = svg('svg', {
      viewBox: '0 0 ' + width + ' ' + height, width: '100%', role: 'img', 'aria-label': summary,
      class: 'chart', preserveAspectRatio: 'xMidYMid meet'
    });
    chart.appendChild(svg('title', {}, [summary]));
    chart.appendChild(svg('line', { x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight,
      class: 'axis' }));
    chart.appendChild(svg('text', { x: left - 6, y: top + 4, class: 'tick', 'text-anchor': 'end' },
      [String(maxDelivered)]));
    chart.appendChild(svg('text', { x: left - 6, y: top + plotHeight, class: 'tick', 'text-anchor': 'end' }, ['0']));
    days.forEach((day, i) => {
      const barHeight = (day.delivered / maxDelivered) * plotHeight;
      const x = left + i * step + step * 0.15;
      const bar = svg('rect', { x: x.toFixed(2), y: (top + plotHeight - barHeight).toFixed(2),
        width: Math.max(1, step * 0.7).toFixed(2), height: barHeight.toFixed(2), class: 'bar',
        'data-date': day.date, 'data-delivered': day.delivered });
      bar.appendChild(svg('title', {}, [t('dashboard.barTitle', { date: day.date, delivered: day.delivered,
        revenue: money(day.revenue) })]));
      chart.appendChild(bar);
    });
    const labelled = days.length <= 1 ? [0] : [0, Math.floor((days.length - 1) / 2), days.length - 1];
    labelled.forEach(i => {
      if (!days[i]) return;
      chart.appendChild(svg('text', { x: (left + i * step + step / 2).toFixed(2), y: height - 12, class: 'tick',
        'text-anchor': 'middle' }, [days[i].date]));
    });
    if (currency && days.length > 0) {
      const points = revenues.map((value, i) => (left + i * step + step / 2).toFixed(2) + ','
        + yRevenue(value).toFixed(2)).join(' ');
      chart.appendChild(svg('polyline', { points: points, class: 'revenue-line', fill: 'none' }));
      chart.appendChild(svg('text', { x: left + plotWidth + 6, y: top + 4, class: 'tick revenue-tick' },
        [I18N().formatMoney(maxRevenue, currency)]));
      chart.appendChild(svg('text', { x: left + plotWidth + 6, y: yRevenue(0).toFixed(2), class: 'tick revenue-tick' },
        [I18N().formatMoney(0, currency)]));
    }
    const legend = h('p', { class: 'chart-legend small' }, [
      h('span', { class: 'legend-bar', 'aria-hidden': 'true' }), ' ', t('dashboard.legendDelivered'), '  ',
      currency ? h('span', { class: 'legend-line', 'aria-hidden': 'true' }) : null,
      currency ? ' ' + t('dashboard.legendRevenue', { currency: currency }) : null
    ]);
    $('dashboard-chart').replaceChildren(chart, legend);
  }

  function renderProducts(stats) {
    const body = $('dashboard-products').querySelector('tbody');
    const rows = (stats.products || []).map(p => h('tr', { 'data-product-id': p.productId }, [
      h('td', {}, [p.name]),
      h('td', { class: 'num' }, [I18N().formatNumber(p.delivered, 0)]),
      h('td', { class: 'num' }, [money(p.revenue)])
    ]));
    if (rows.length === 0) {
      rows.push(h('tr', { class: 'empty' }, [h('td', { colspan: '3', class: 'muted' }, [t('dashboard.noSales')])]));
    }
    body.replaceChildren(...rows);
  }

  function render() {
    if (!state.loaded) return;
    $('dashboard-error').textContent = state.error ? t('dashboard.failed', { detail: state.error }) : '';
    if (!state.stats) return;
    renderTotals(state.stats);
    renderChart(state.stats);
    renderProducts(state.stats);
  }

  function setUp() {
    const today = new Date();
    $('dashboard-to').value = utcDay(today);
    $('dashboard-from').value = utcDay(new Date(today.getTime() - 29 * DAY_MS));
    $('dashboard-form').addEventListener('submit', event => {
      event.preventDefault();
      load();
    });
  }

  window.CardflowDashboard = {
    /** The view was opened: set up once, then (re)load the figures. */
    open: function () {
      if (!state.loaded) {
        state.loaded = true;
        setUp();
      }
      load();
    },
    /** Draws again from what was last loaded (in the current language). */
    render: render
  };
}());
