/*
 * The console's words in English, Simplified Chinese and Vietnamese. The language is the
 * operator's choice (kept in localStorage, shared with the storefront's pages), else the first of
 * navigator.languages we speak, else English. What the server writes (problem details, timeline
 * sentences, event and decision names) is shown as it comes: those are the records' own words.
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

  const en = {
    'common.title': 'cardflow operations console',
    'common.console': 'Operations console',
    'common.demo': 'Demo shop: payments are simulated',
    'common.skip': 'Skip to content',
    'common.language': 'Language',
    'common.languageChanged': 'Language changed to English.',
    'common.refresh': 'Refresh',
    'common.loading': 'Loading…',

    'nav.label': 'Console sections',
    'nav.orders': 'Orders',
    'nav.products': 'Products',
    'nav.deadLetters': 'Dead letters',
    'nav.system': 'Projections & breakers',
    'nav.audit': 'Bulk audit',

    'error.network': 'The platform could not be reached. Check the connection and try again.',
    'error.unauthorized': 'Your admin session has ended: reload the page and sign in again.',
    'error.status': 'Failed ({status}): {detail}',
    'error.unknown': 'unknown error',

    'status.PLACED': 'Placed',
    'status.PENDING_PAYMENT': 'Awaiting payment',
    'status.PAID': 'Paid',
    'status.DELIVERED': 'Delivered',
    'status.CANCELLED': 'Cancelled',
    'status.REFUNDING': 'Refunding',
    'status.REFUNDED': 'Refunded',

    'orders.heading': 'Orders',
    'orders.search': 'Order id or email',
    'orders.status': 'Status',
    'orders.allStatuses': 'All statuses',
    'orders.olderThan': 'In this status for',
    'orders.older.any': 'any time',
    'orders.older.5m': '5 minutes or more',
    'orders.older.15m': '15 minutes or more',
    'orders.older.1h': '1 hour or more',
    'orders.older.1d': '1 day or more',
    'orders.pageSize': 'Per page',
    'orders.stuck': 'Stuck only',
    'orders.stuckHint': 'Orders past their status’s time limit, longest first; the other filters do not apply.',
    'orders.apply': 'Apply',
    'orders.reset': 'Reset',
    'orders.caption': 'Orders, newest first',
    'orders.col.order': 'Order',
    'orders.col.status': 'Status',
    'orders.col.product': 'Product',
    'orders.col.amount': 'Amount',
    'orders.col.email': 'Email',
    'orders.col.placed': 'Placed',
    'orders.col.since': 'In status for',
    'orders.none': 'No orders match.',
    'orders.showing': 'Orders {from}–{to}',
    'orders.page': 'Page {page}',
    'orders.pages': 'Pages',
    'orders.prev': 'Previous',
    'orders.next': 'Next',
    'orders.open': 'Open order {id}',

    'order.heading': 'Order',
    'order.back': '← All orders',
    'order.notFound': 'No such order yet. A just-placed order appears within seconds; this page keeps looking.',
    'order.facts': 'Details',
    'order.product': 'Product',
    'order.quantity': 'Quantity',
    'order.amount': 'Amount',
    'order.email': 'Email',
    'order.payment': 'PSP payment',
    'order.payBy': 'Pay by',
    'order.placed': 'Placed',
    'order.statusSince': 'In this status since',
    'order.updated': 'Last change',
    'order.reason': 'Reason',
    'order.cardKeys': 'Card keys',
    'order.cardKeysSealed': '{count} issued (sealed, never shown here)',
    'order.version': 'Version',
    'order.actions': 'Compensations',
    'order.actionsHint': 'Each action asks for confirmation and is recorded with your name and reason. The order’s status decides whether it is accepted.',
    'order.timeline': 'Buyer’s timeline',
    'order.statusChanged': 'The order is now {status}.',

    'action.retry-fulfilment': 'Retry fulfilment',
    'action.refund': 'Refund',
    'action.cancel': 'Cancel order',
    'action.confirm-payment': 'Confirm payment',
    'action.resend-delivery-notification': 'Resend delivery mail',

    'dialog.back': 'Go back',
    'dialog.reason': 'Reason (recorded with your name)',
    'dialog.reasonOptional': 'Reason (optional, recorded with your name)',
    'dialog.note': 'Note: where you saw the payment (recorded with your name)',
    'dialog.tradeNo': 'PSP trade number',
    'dialog.reasonRequired': 'Enter the reason: it is kept with the order’s history.',
    'dialog.noteRequired': 'Enter a note: it is kept with the order’s history.',
    'dialog.tradeRequired': 'Enter the PSP’s trade number of the payment.',
    'dialog.retry-fulfilment.title': 'Retry the fulfilment?',
    'dialog.retry-fulfilment.text': 'Order {id} ({status}) will try its current step again now: creating the payment, buying or issuing the keys, or the refund.',
    'dialog.retry-fulfilment.confirm': 'Retry now',
    'dialog.refund.title': 'Refund this order?',
    'dialog.refund.text': 'Order {id} ({status}) will be refunded in full at the PSP. Keys already delivered stay with the buyer.',
    'dialog.refund.confirm': 'Refund order',
    'dialog.cancel.title': 'Cancel this order?',
    'dialog.cancel.text': 'Order {id} ({status}) will be cancelled and its reserved keys returned to stock. Only an unpaid order can be cancelled.',
    'dialog.cancel.confirm': 'Cancel order',
    'dialog.confirm-payment.title': 'Confirm a payment by hand?',
    'dialog.confirm-payment.text': 'Only if the PSP shows this payment as succeeded but never told us. Order {id} ({status}); its payment at the PSP: {paymentId}.',
    'dialog.confirm-payment.confirm': 'Confirm payment',
    'dialog.resend-delivery-notification.title': 'Resend the delivery mail?',
    'dialog.resend-delivery-notification.text': 'The buyer ({email}) gets the link to order {id} again. The mail holds no card key.',
    'dialog.resend-delivery-notification.confirm': 'Resend mail',
    'dialog.rebuild.title': 'Rebuild {name}?',
    'dialog.rebuild.text': 'The projection {name} is reset and replayed from the event store while the platform keeps running. Until it has caught up, its pages may show older states.',
    'dialog.rebuild.confirm': 'Rebuild',

    'outcome.accepted': '{action}: accepted ({status}). The order below updates as it happens.',
    'outcome.refused': 'Refused ({status}): {detail}',

    'audit.heading': 'Audit',
    'audit.consistent': 'Consistent.',
    'audit.consistentHint': 'Replaying the history through the fulfilment’s decisions gives exactly what happened.',
    'audit.manualOnly': (p) => 'Not consistent: ' + p.count + ' manual intervention' + (p.count === 1 ? '' : 's') + '.',
    'audit.manualOnlyHint': 'The fulfilment did what it decided; an operator stepped in as listed.',
    'audit.inconsistent': (p) => 'Not consistent: ' + p.count + ' discrepanc' + (p.count === 1 ? 'y' : 'ies') + '.',
    'audit.inconsistentHint': 'The history and the fulfilment’s decisions disagree as listed below.',
    'audit.manual': 'Manual',
    'audit.byOperator': 'by operator {operator}',
    'audit.events': 'Event history',
    'audit.col.type': 'Event',
    'audit.col.at': 'Time',
    'audit.col.origin': 'Caused by',
    'audit.col.stream': 'Stream',
    'audit.col.payload': 'Payload',
    'audit.show': 'Show',
    'audit.sealed': (p) => (p.count === 1 ? 'sealed, not shown' : p.count + ' sealed, not shown'),
    'audit.noEvents': 'No events.',
    'audit.decisions': 'The fulfilment’s decisions (replayed)',
    'audit.noDecision': 'nothing to do',
    'audit.noDecisions': 'No decisions.',

    'discrepancy.manual-intervention': 'Manual intervention',
    'discrepancy.unexplained-event': 'Unexplained event',
    'discrepancy.decision-not-carried-out': 'Decision not carried out',

    'origin.buyer': 'buyer',
    'origin.psp-notification': 'PSP notification',
    'origin.psp-status-check': 'PSP status check',
    'origin.fulfilment': 'fulfilment',
    'origin.operator': 'operator',
    'origin.unknown': 'unknown',

    'products.heading': 'Products',
    'products.caption': 'Products and their stock',
    'products.col.name': 'Product',
    'products.col.source': 'Source',
    'products.col.price': 'Price',
    'products.col.available': 'Available',
    'products.col.reserved': 'Reserved',
    'products.col.issued': 'Issued',
    'products.col.actions': 'Actions',
    'products.none': 'No products yet.',
    'products.onDemand': 'on demand',
    'products.create': 'New product',
    'products.name': 'Name',
    'products.price': 'Price',
    'products.priceHint': 'A decimal such as 9.90',
    'products.currency': 'Currency',
    'products.source': 'Where its keys come from',
    'products.source.POOL': 'Pool — keys we upload',
    'products.source.UPSTREAM': 'Upstream — bought from a supplier per order',
    'products.sku': 'Supplier SKU',
    'products.createButton': 'Create product',
    'products.created': 'Created {name} ({id}).',
    'products.nameRequired': 'Enter the product’s name.',
    'products.priceInvalid': 'Enter a price above zero, such as 9.90.',
    'products.currencyInvalid': 'Enter a three-letter currency code, such as EUR.',
    'products.skuRequired': 'An upstream product needs the supplier’s SKU.',
    'source.POOL': 'Pool',
    'source.UPSTREAM': 'Upstream',

    'keys.heading': 'Upload card keys',
    'keys.hint': 'Keys are sealed as they arrive and never shown again; a key already in the pool is skipped.',
    'keys.product': 'Product (pool)',
    'keys.choose': 'Choose a product…',
    'keys.text': 'Keys, one a line',
    'keys.file': '…or a text file, one key a line',
    'keys.ready': (p) => p.count + (p.count === 1 ? ' key' : ' keys') + ' ready to upload.',
    'keys.upload': 'Upload keys',
    'keys.uploadShort': 'Upload keys',
    'keys.uploadFor': 'Upload keys for {name}',
    'keys.productRequired': 'Choose the product the keys belong to.',
    'keys.keysRequired': 'Paste the keys, one a line, or choose a file.',
    'keys.result': (p) => p.added + ' added, ' + p.duplicates + (p.duplicates === 1 ? ' duplicate' : ' duplicates'),

    'dead.heading': 'Dead letters',
    'dead.hint': 'Events a projection could not handle are parked here with the rest of their order’s events. Fix the cause, then retry the group.',
    'dead.none': 'No dead letters: every handler is keeping up.',
    'dead.count': (p) => p.count + (p.count === 1 ? ' letter' : ' letters'),
    'dead.retry': 'Retry {group}',
    'dead.retried': '{group}: {retried} sequences retried, {recovered} recovered, {left} letters left.',
    'dead.col.event': 'Event',
    'dead.col.aggregate': 'Aggregate',
    'dead.col.enqueued': 'Parked',
    'dead.col.lastTouched': 'Last tried',
    'dead.col.cause': 'Cause',

    'unmatched.heading': 'Payment notifications for unknown orders',
    'unmatched.hint': 'Signed PSP notifications that named no order of ours. Find the payment at the PSP and refund it there if it is not ours.',
    'unmatched.none': 'None.',
    'unmatched.col.received': 'Received',
    'unmatched.col.payment': 'PSP payment',
    'unmatched.col.merchantOrder': 'Merchant order id',
    'unmatched.col.status': 'Status',
    'unmatched.col.amount': 'Amount',

    'system.heading': 'Projections & circuit breakers',
    'projections.heading': 'Event processors',
    'projections.col.name': 'Processor',
    'projections.col.state': 'State',
    'projections.col.segments': 'Segments (position)',
    'projections.running': 'running',
    'projections.stopped': 'stopped',
    'projections.replaying': 'replaying',
    'projections.caughtUp': 'caught up',
    'projections.behind': 'catching up',
    'projections.noSegments': 'subscribing (no position)',
    'projections.rebuild': 'Rebuild…',
    'projections.rebuildLabel': 'Rebuild {name}…',
    'projections.rebuildStarted': 'Rebuild of {name} started ({status}).',

    'breakers.heading': 'Circuit breakers',
    'breakers.failureRate': 'Failure rate',
    'breakers.slowRate': 'Slow calls',
    'breakers.calls': 'Calls in window',
    'breakers.callCounts': '{buffered} recorded, {failed} failed, {refused} refused',
    'breakers.notEnough': 'not enough calls',
    'breakers.transitions': 'Recent transitions',
    'breakers.noTransitions': 'No transitions since start.',
    'breakers.none': 'No circuit breakers.',
    'breaker.CLOSED': 'Closed',
    'breaker.OPEN': 'Open',
    'breaker.HALF_OPEN': 'Half open',
    'breaker.DISABLED': 'Disabled',
    'breaker.FORCED_OPEN': 'Forced open',
    'breaker.METRICS_ONLY': 'Metrics only',

    'bulk.heading': 'Bulk audit',
    'bulk.hint': 'Replays the fulfilment’s decisions for every order placed in the range (at most 1000) and lists those whose history differs — manual interventions included.',
    'bulk.from': 'From (your local time)',
    'bulk.to': 'To (your local time)',
    'bulk.run': 'Run audit',
    'bulk.running': 'Auditing…',
    'bulk.invalidRange': 'Choose a start before the end.',
    'bulk.range': 'Orders placed between',
    'bulk.orders': 'orders audited',
    'bulk.consistent': 'consistent',
    'bulk.inconsistent': 'not consistent',
    'bulk.limited': 'Only the first 1000 orders of this range were audited: narrow the range to see the rest.',
    'bulk.listHeading': 'Orders that are not consistent',
    'bulk.done': 'Audit done: {orders} orders, {inconsistent} not consistent.',

    'age.seconds': '{s} s',
    'age.minutes': '{m} min',
    'age.hours': '{h} h {m} min',
    'age.days': '{d} d {h} h'
  };

  const zhCN = {
    'common.title': 'cardflow 运营控制台',
    'common.console': '运营控制台',
    'common.demo': '演示商店:付款均为模拟',
    'common.skip': '跳到正文',
    'common.language': '语言',
    'common.languageChanged': '已切换为简体中文。',
    'common.refresh': '刷新',
    'common.loading': '加载中…',

    'nav.label': '控制台栏目',
    'nav.orders': '订单',
    'nav.products': '商品',
    'nav.deadLetters': '死信',
    'nav.system': '投影与熔断器',
    'nav.audit': '批量审计',

    'error.network': '无法连接平台，请检查网络后重试。',
    'error.unauthorized': '管理员会话已失效：请刷新页面并重新登录。',
    'error.status': '失败（{status}）：{detail}',
    'error.unknown': '未知错误',

    'status.PLACED': '已下单',
    'status.PENDING_PAYMENT': '待支付',
    'status.PAID': '已支付',
    'status.DELIVERED': '已交付',
    'status.CANCELLED': '已取消',
    'status.REFUNDING': '退款中',
    'status.REFUNDED': '已退款',

    'orders.heading': '订单',
    'orders.search': '订单号或邮箱',
    'orders.status': '状态',
    'orders.allStatuses': '全部状态',
    'orders.olderThan': '处于该状态已',
    'orders.older.any': '不限',
    'orders.older.5m': '5 分钟以上',
    'orders.older.15m': '15 分钟以上',
    'orders.older.1h': '1 小时以上',
    'orders.older.1d': '1 天以上',
    'orders.pageSize': '每页',
    'orders.stuck': '仅看卡住的订单',
    'orders.stuckHint': '超过该状态时限的订单，卡住最久的在前；其他筛选条件不适用。',
    'orders.apply': '筛选',
    'orders.reset': '重置',
    'orders.caption': '订单，最新的在前',
    'orders.col.order': '订单',
    'orders.col.status': '状态',
    'orders.col.product': '商品',
    'orders.col.amount': '金额',
    'orders.col.email': '邮箱',
    'orders.col.placed': '下单时间',
    'orders.col.since': '处于该状态',
    'orders.none': '没有符合条件的订单。',
    'orders.showing': '第 {from}–{to} 个订单',
    'orders.page': '第 {page} 页',
    'orders.pages': '分页',
    'orders.prev': '上一页',
    'orders.next': '下一页',
    'orders.open': '打开订单 {id}',

    'order.heading': '订单',
    'order.back': '← 全部订单',
    'order.notFound': '暂无此订单。刚下的订单会在几秒内出现，本页会继续查找。',
    'order.facts': '详情',
    'order.product': '商品',
    'order.quantity': '数量',
    'order.amount': '金额',
    'order.email': '邮箱',
    'order.payment': 'PSP 支付单',
    'order.payBy': '支付截止',
    'order.placed': '下单时间',
    'order.statusSince': '进入当前状态',
    'order.updated': '最后变更',
    'order.reason': '原因',
    'order.cardKeys': '卡密',
    'order.cardKeysSealed': '已发放 {count} 个（已加密，此处不显示）',
    'order.version': '版本',
    'order.actions': '补偿操作',
    'order.actionsHint': '每项操作都需要确认，并连同你的用户名和原因一起记录。是否接受由订单当前状态决定。',
    'order.timeline': '买家时间线',
    'order.statusChanged': '订单状态已变为：{status}。',

    'action.retry-fulfilment': '重试履约',
    'action.refund': '退款',
    'action.cancel': '取消订单',
    'action.confirm-payment': '确认收款',
    'action.resend-delivery-notification': '重发交付邮件',

    'dialog.back': '返回',
    'dialog.reason': '原因（将与你的用户名一起记录）',
    'dialog.reasonOptional': '原因（可选，将与你的用户名一起记录）',
    'dialog.note': '备注：你在哪里看到这笔付款（将与你的用户名一起记录）',
    'dialog.tradeNo': 'PSP 交易号',
    'dialog.reasonRequired': '请填写原因：它会保存在订单历史中。',
    'dialog.noteRequired': '请填写备注：它会保存在订单历史中。',
    'dialog.tradeRequired': '请填写这笔付款在 PSP 的交易号。',
    'dialog.retry-fulfilment.title': '重试履约？',
    'dialog.retry-fulfilment.text': '订单 {id}（{status}）将立即重试当前步骤：创建支付、购买或发放卡密，或退款。',
    'dialog.retry-fulfilment.confirm': '立即重试',
    'dialog.refund.title': '为此订单退款？',
    'dialog.refund.text': '订单 {id}（{status}）将在 PSP 全额退款。已交付的卡密仍归买家所有。',
    'dialog.refund.confirm': '退款',
    'dialog.cancel.title': '取消此订单？',
    'dialog.cancel.text': '订单 {id}（{status}）将被取消，预留的卡密退回库存。只有未支付的订单可以取消。',
    'dialog.cancel.confirm': '取消订单',
    'dialog.confirm-payment.title': '手动确认收款？',
    'dialog.confirm-payment.text': '仅在 PSP 显示付款成功但从未通知我们时使用。订单 {id}（{status}）；PSP 支付单：{paymentId}。',
    'dialog.confirm-payment.confirm': '确认收款',
    'dialog.resend-delivery-notification.title': '重发交付邮件？',
    'dialog.resend-delivery-notification.text': '买家（{email}）将再次收到订单 {id} 的链接。邮件中不含卡密。',
    'dialog.resend-delivery-notification.confirm': '重发邮件',
    'dialog.rebuild.title': '重建 {name}？',
    'dialog.rebuild.text': '投影 {name} 将被重置，并在平台继续运行的同时从事件存储重放。追平之前，相关页面可能显示较旧的状态。',
    'dialog.rebuild.confirm': '重建',

    'outcome.accepted': '{action}：已受理（{status}）。下方订单会随进展更新。',
    'outcome.refused': '被拒绝（{status}）：{detail}',

    'audit.heading': '审计',
    'audit.consistent': '一致。',
    'audit.consistentHint': '用履约决策逻辑重放历史，结果与实际发生的完全相同。',
    'audit.manualOnly': '不一致：{count} 次人工干预。',
    'audit.manualOnlyHint': '履约流程按其决策执行；运营人员进行了如下干预。',
    'audit.inconsistent': '不一致：{count} 处差异。',
    'audit.inconsistentHint': '历史与履约决策存在如下差异。',
    'audit.manual': '人工',
    'audit.byOperator': '操作人 {operator}',
    'audit.events': '事件历史',
    'audit.col.type': '事件',
    'audit.col.at': '时间',
    'audit.col.origin': '触发者',
    'audit.col.stream': '事件流',
    'audit.col.payload': '内容',
    'audit.show': '显示',
    'audit.sealed': (p) => (p.count === 1 ? '已加密，不显示' : p.count + ' 个已加密，不显示'),
    'audit.noEvents': '没有事件。',
    'audit.decisions': '履约决策（重放）',
    'audit.noDecision': '无需操作',
    'audit.noDecisions': '没有决策。',

    'discrepancy.manual-intervention': '人工干预',
    'discrepancy.unexplained-event': '无法解释的事件',
    'discrepancy.decision-not-carried-out': '决策未执行',

    'origin.buyer': '买家',
    'origin.psp-notification': 'PSP 通知',
    'origin.psp-status-check': 'PSP 状态查询',
    'origin.fulfilment': '履约流程',
    'origin.operator': '运营人员',
    'origin.unknown': '未知',

    'products.heading': '商品',
    'products.caption': '商品及库存',
    'products.col.name': '商品',
    'products.col.source': '来源',
    'products.col.price': '价格',
    'products.col.available': '可售',
    'products.col.reserved': '已预留',
    'products.col.issued': '已发放',
    'products.col.actions': '操作',
    'products.none': '还没有商品。',
    'products.onDemand': '按需采购',
    'products.create': '新建商品',
    'products.name': '名称',
    'products.price': '价格',
    'products.priceHint': '小数，例如 9.90',
    'products.currency': '币种',
    'products.source': '卡密来源',
    'products.source.POOL': '卡池 — 由我们上传卡密',
    'products.source.UPSTREAM': '上游 — 每单向供应商采购',
    'products.sku': '供应商 SKU',
    'products.createButton': '创建商品',
    'products.created': '已创建 {name}（{id}）。',
    'products.nameRequired': '请填写商品名称。',
    'products.priceInvalid': '请填写大于零的价格，例如 9.90。',
    'products.currencyInvalid': '请填写三个字母的币种代码，例如 EUR。',
    'products.skuRequired': '上游商品需要填写供应商 SKU。',
    'source.POOL': '卡池',
    'source.UPSTREAM': '上游',

    'keys.heading': '上传卡密',
    'keys.hint': '卡密到达即加密，之后不再显示；卡池中已有的卡密会被跳过。',
    'keys.product': '商品（卡池）',
    'keys.choose': '选择商品…',
    'keys.text': '卡密，每行一个',
    'keys.file': '…或文本文件，每行一个卡密',
    'keys.ready': '{count} 个卡密待上传。',
    'keys.upload': '上传卡密',
    'keys.uploadShort': '上传卡密',
    'keys.uploadFor': '为 {name} 上传卡密',
    'keys.productRequired': '请选择卡密所属的商品。',
    'keys.keysRequired': '请粘贴卡密（每行一个）或选择文件。',
    'keys.result': '新增 {added} 个，重复 {duplicates} 个',

    'dead.heading': '死信',
    'dead.hint': '投影无法处理的事件会连同该订单的后续事件一起停放在这里。修复原因后，重试该处理组。',
    'dead.none': '没有死信：所有处理器运行正常。',
    'dead.count': '{count} 条',
    'dead.retry': '重试 {group}',
    'dead.retried': '{group}：重试 {retried} 个序列，恢复 {recovered} 个，剩余 {left} 条死信。',
    'dead.col.event': '事件',
    'dead.col.aggregate': '聚合',
    'dead.col.enqueued': '停放时间',
    'dead.col.lastTouched': '最近重试',
    'dead.col.cause': '原因',

    'unmatched.heading': '未知订单的支付通知',
    'unmatched.hint': '签名有效但不对应任何订单的 PSP 通知。请在 PSP 查到这笔付款，若不属于我们，就在 PSP 退款。',
    'unmatched.none': '无。',
    'unmatched.col.received': '收到时间',
    'unmatched.col.payment': 'PSP 支付单',
    'unmatched.col.merchantOrder': '商户订单号',
    'unmatched.col.status': '状态',
    'unmatched.col.amount': '金额',

    'system.heading': '投影与熔断器',
    'projections.heading': '事件处理器',
    'projections.col.name': '处理器',
    'projections.col.state': '状态',
    'projections.col.segments': '分段（位置）',
    'projections.running': '运行中',
    'projections.stopped': '已停止',
    'projections.replaying': '重放中',
    'projections.caughtUp': '已追平',
    'projections.behind': '追赶中',
    'projections.noSegments': '订阅式（无位置）',
    'projections.rebuild': '重建…',
    'projections.rebuildLabel': '重建 {name}…',
    'projections.rebuildStarted': '{name} 已开始重建（{status}）。',

    'breakers.heading': '熔断器',
    'breakers.failureRate': '失败率',
    'breakers.slowRate': '慢调用率',
    'breakers.calls': '窗口内调用',
    'breakers.callCounts': '记录 {buffered} 次，失败 {failed} 次，拒绝 {refused} 次',
    'breakers.notEnough': '调用次数不足',
    'breakers.transitions': '最近状态变化',
    'breakers.noTransitions': '启动以来没有状态变化。',
    'breakers.none': '没有熔断器。',
    'breaker.CLOSED': '关闭',
    'breaker.OPEN': '打开',
    'breaker.HALF_OPEN': '半开',
    'breaker.DISABLED': '已停用',
    'breaker.FORCED_OPEN': '强制打开',
    'breaker.METRICS_ONLY': '仅统计',

    'bulk.heading': '批量审计',
    'bulk.hint': '对时间范围内下的每个订单（最多 1000 个）重放履约决策，并列出历史不一致的订单（包括人工干预）。',
    'bulk.from': '开始（本地时间）',
    'bulk.to': '结束（本地时间）',
    'bulk.run': '开始审计',
    'bulk.running': '审计中…',
    'bulk.invalidRange': '开始时间必须早于结束时间。',
    'bulk.range': '下单时间范围',
    'bulk.orders': '个订单已审计',
    'bulk.consistent': '一致',
    'bulk.inconsistent': '不一致',
    'bulk.limited': '此范围只审计了前 1000 个订单：缩小范围以查看其余订单。',
    'bulk.listHeading': '不一致的订单',
    'bulk.done': '审计完成：{orders} 个订单，{inconsistent} 个不一致。',

    'age.seconds': '{s} 秒',
    'age.minutes': '{m} 分钟',
    'age.hours': '{h} 小时 {m} 分',
    'age.days': '{d} 天 {h} 小时'
  };

  const vi = {
    'common.title': 'Bảng điều hành cardflow',
    'common.console': 'Bảng điều hành',
    'common.demo': 'Cửa hàng demo: thanh toán chỉ là mô phỏng',
    'common.skip': 'Chuyển đến nội dung',
    'common.language': 'Ngôn ngữ',
    'common.languageChanged': 'Đã chuyển sang tiếng Việt.',
    'common.refresh': 'Làm mới',
    'common.loading': 'Đang tải…',

    'nav.label': 'Các mục của bảng điều hành',
    'nav.orders': 'Đơn hàng',
    'nav.products': 'Sản phẩm',
    'nav.deadLetters': 'Thư chết',
    'nav.system': 'Projection & cầu dao',
    'nav.audit': 'Kiểm toán hàng loạt',

    'error.network': 'Không kết nối được nền tảng. Hãy kiểm tra kết nối rồi thử lại.',
    'error.unauthorized': 'Phiên quản trị đã hết: hãy tải lại trang và đăng nhập lại.',
    'error.status': 'Thất bại ({status}): {detail}',
    'error.unknown': 'lỗi không xác định',

    'status.PLACED': 'Đã đặt',
    'status.PENDING_PAYMENT': 'Chờ thanh toán',
    'status.PAID': 'Đã thanh toán',
    'status.DELIVERED': 'Đã giao',
    'status.CANCELLED': 'Đã hủy',
    'status.REFUNDING': 'Đang hoàn tiền',
    'status.REFUNDED': 'Đã hoàn tiền',

    'orders.heading': 'Đơn hàng',
    'orders.search': 'Mã đơn hoặc email',
    'orders.status': 'Trạng thái',
    'orders.allStatuses': 'Mọi trạng thái',
    'orders.olderThan': 'Ở trạng thái này đã',
    'orders.older.any': 'bao lâu cũng được',
    'orders.older.5m': 'từ 5 phút',
    'orders.older.15m': 'từ 15 phút',
    'orders.older.1h': 'từ 1 giờ',
    'orders.older.1d': 'từ 1 ngày',
    'orders.pageSize': 'Mỗi trang',
    'orders.stuck': 'Chỉ đơn bị kẹt',
    'orders.stuckHint': 'Đơn đã quá thời hạn của trạng thái, kẹt lâu nhất trước; các bộ lọc khác không áp dụng.',
    'orders.apply': 'Lọc',
    'orders.reset': 'Đặt lại',
    'orders.caption': 'Đơn hàng, mới nhất trước',
    'orders.col.order': 'Đơn hàng',
    'orders.col.status': 'Trạng thái',
    'orders.col.product': 'Sản phẩm',
    'orders.col.amount': 'Số tiền',
    'orders.col.email': 'Email',
    'orders.col.placed': 'Đặt lúc',
    'orders.col.since': 'Ở trạng thái',
    'orders.none': 'Không có đơn nào phù hợp.',
    'orders.showing': 'Đơn {from}–{to}',
    'orders.page': 'Trang {page}',
    'orders.pages': 'Phân trang',
    'orders.prev': 'Trước',
    'orders.next': 'Sau',
    'orders.open': 'Mở đơn {id}',

    'order.heading': 'Đơn hàng',
    'order.back': '← Tất cả đơn hàng',
    'order.notFound': 'Chưa có đơn này. Đơn vừa đặt sẽ xuất hiện trong vài giây; trang này vẫn tiếp tục tìm.',
    'order.facts': 'Chi tiết',
    'order.product': 'Sản phẩm',
    'order.quantity': 'Số lượng',
    'order.amount': 'Số tiền',
    'order.email': 'Email',
    'order.payment': 'Thanh toán PSP',
    'order.payBy': 'Hạn thanh toán',
    'order.placed': 'Đặt lúc',
    'order.statusSince': 'Ở trạng thái này từ',
    'order.updated': 'Thay đổi gần nhất',
    'order.reason': 'Lý do',
    'order.cardKeys': 'Mã thẻ',
    'order.cardKeysSealed': 'Đã cấp {count} (đã mã hóa, không hiển thị ở đây)',
    'order.version': 'Phiên bản',
    'order.actions': 'Thao tác bù trừ',
    'order.actionsHint': 'Mỗi thao tác cần xác nhận và được ghi lại cùng tên và lý do của bạn. Trạng thái đơn quyết định thao tác có được chấp nhận hay không.',
    'order.timeline': 'Dòng thời gian của người mua',
    'order.statusChanged': 'Đơn hàng hiện ở trạng thái: {status}.',

    'action.retry-fulfilment': 'Thử lại xử lý đơn',
    'action.refund': 'Hoàn tiền',
    'action.cancel': 'Hủy đơn',
    'action.confirm-payment': 'Xác nhận thanh toán',
    'action.resend-delivery-notification': 'Gửi lại email giao hàng',

    'dialog.back': 'Quay lại',
    'dialog.reason': 'Lý do (ghi lại cùng tên bạn)',
    'dialog.reasonOptional': 'Lý do (không bắt buộc, ghi lại cùng tên bạn)',
    'dialog.note': 'Ghi chú: bạn thấy khoản thanh toán ở đâu (ghi lại cùng tên bạn)',
    'dialog.tradeNo': 'Mã giao dịch PSP',
    'dialog.reasonRequired': 'Hãy nhập lý do: nó được lưu trong lịch sử đơn.',
    'dialog.noteRequired': 'Hãy nhập ghi chú: nó được lưu trong lịch sử đơn.',
    'dialog.tradeRequired': 'Hãy nhập mã giao dịch PSP của khoản thanh toán.',
    'dialog.retry-fulfilment.title': 'Thử lại xử lý đơn?',
    'dialog.retry-fulfilment.text': 'Đơn {id} ({status}) sẽ thử lại bước hiện tại ngay: tạo thanh toán, mua hoặc cấp mã thẻ, hoặc hoàn tiền.',
    'dialog.retry-fulfilment.confirm': 'Thử lại ngay',
    'dialog.refund.title': 'Hoàn tiền đơn này?',
    'dialog.refund.text': 'Đơn {id} ({status}) sẽ được hoàn toàn bộ tiền tại PSP. Mã thẻ đã giao vẫn thuộc về người mua.',
    'dialog.refund.confirm': 'Hoàn tiền',
    'dialog.cancel.title': 'Hủy đơn này?',
    'dialog.cancel.text': 'Đơn {id} ({status}) sẽ bị hủy và mã thẻ đã giữ được trả về kho. Chỉ đơn chưa thanh toán mới hủy được.',
    'dialog.cancel.confirm': 'Hủy đơn',
    'dialog.confirm-payment.title': 'Xác nhận thanh toán thủ công?',
    'dialog.confirm-payment.text': 'Chỉ khi PSP cho thấy khoản thanh toán đã thành công nhưng chưa từng báo cho chúng ta. Đơn {id} ({status}); thanh toán tại PSP: {paymentId}.',
    'dialog.confirm-payment.confirm': 'Xác nhận thanh toán',
    'dialog.resend-delivery-notification.title': 'Gửi lại email giao hàng?',
    'dialog.resend-delivery-notification.text': 'Người mua ({email}) sẽ nhận lại đường dẫn tới đơn {id}. Email không chứa mã thẻ.',
    'dialog.resend-delivery-notification.confirm': 'Gửi lại email',
    'dialog.rebuild.title': 'Dựng lại {name}?',
    'dialog.rebuild.text': 'Projection {name} sẽ được đặt lại và phát lại từ kho sự kiện trong khi nền tảng vẫn chạy. Cho đến khi bắt kịp, các trang liên quan có thể hiển thị trạng thái cũ.',
    'dialog.rebuild.confirm': 'Dựng lại',

    'outcome.accepted': '{action}: đã chấp nhận ({status}). Đơn bên dưới sẽ cập nhật theo tiến trình.',
    'outcome.refused': 'Bị từ chối ({status}): {detail}',

    'audit.heading': 'Kiểm toán',
    'audit.consistent': 'Nhất quán.',
    'audit.consistentHint': 'Phát lại lịch sử qua logic quyết định của quy trình xử lý cho kết quả đúng như đã xảy ra.',
    'audit.manualOnly': 'Không nhất quán: {count} lần can thiệp thủ công.',
    'audit.manualOnlyHint': 'Quy trình xử lý đã làm đúng như quyết định; người vận hành đã can thiệp như liệt kê.',
    'audit.inconsistent': 'Không nhất quán: {count} điểm khác biệt.',
    'audit.inconsistentHint': 'Lịch sử và các quyết định của quy trình khác nhau như liệt kê dưới đây.',
    'audit.manual': 'Thủ công',
    'audit.byOperator': 'bởi người vận hành {operator}',
    'audit.events': 'Lịch sử sự kiện',
    'audit.col.type': 'Sự kiện',
    'audit.col.at': 'Thời gian',
    'audit.col.origin': 'Do',
    'audit.col.stream': 'Luồng',
    'audit.col.payload': 'Nội dung',
    'audit.show': 'Xem',
    'audit.sealed': (p) => (p.count === 1 ? 'đã mã hóa, không hiển thị' : p.count + ' mục đã mã hóa, không hiển thị'),
    'audit.noEvents': 'Không có sự kiện.',
    'audit.decisions': 'Các quyết định của quy trình (phát lại)',
    'audit.noDecision': 'không cần làm gì',
    'audit.noDecisions': 'Không có quyết định.',

    'discrepancy.manual-intervention': 'Can thiệp thủ công',
    'discrepancy.unexplained-event': 'Sự kiện không giải thích được',
    'discrepancy.decision-not-carried-out': 'Quyết định chưa được thực hiện',

    'origin.buyer': 'người mua',
    'origin.psp-notification': 'thông báo PSP',
    'origin.psp-status-check': 'kiểm tra trạng thái PSP',
    'origin.fulfilment': 'quy trình xử lý',
    'origin.operator': 'người vận hành',
    'origin.unknown': 'không rõ',

    'products.heading': 'Sản phẩm',
    'products.caption': 'Sản phẩm và tồn kho',
    'products.col.name': 'Sản phẩm',
    'products.col.source': 'Nguồn',
    'products.col.price': 'Giá',
    'products.col.available': 'Còn bán',
    'products.col.reserved': 'Đang giữ',
    'products.col.issued': 'Đã cấp',
    'products.col.actions': 'Thao tác',
    'products.none': 'Chưa có sản phẩm.',
    'products.onDemand': 'mua theo đơn',
    'products.create': 'Sản phẩm mới',
    'products.name': 'Tên',
    'products.price': 'Giá',
    'products.priceHint': 'Số thập phân, ví dụ 9.90',
    'products.currency': 'Tiền tệ',
    'products.source': 'Mã thẻ lấy từ đâu',
    'products.source.POOL': 'Kho — mã thẻ do chúng ta tải lên',
    'products.source.UPSTREAM': 'Nhà cung cấp — mua theo từng đơn',
    'products.sku': 'SKU của nhà cung cấp',
    'products.createButton': 'Tạo sản phẩm',
    'products.created': 'Đã tạo {name} ({id}).',
    'products.nameRequired': 'Hãy nhập tên sản phẩm.',
    'products.priceInvalid': 'Hãy nhập giá lớn hơn 0, ví dụ 9.90.',
    'products.currencyInvalid': 'Hãy nhập mã tiền tệ ba chữ cái, ví dụ EUR.',
    'products.skuRequired': 'Sản phẩm từ nhà cung cấp cần SKU.',
    'source.POOL': 'Kho',
    'source.UPSTREAM': 'Nhà cung cấp',

    'keys.heading': 'Tải lên mã thẻ',
    'keys.hint': 'Mã thẻ được mã hóa ngay khi đến và không bao giờ hiển thị lại; mã đã có trong kho sẽ bị bỏ qua.',
    'keys.product': 'Sản phẩm (kho)',
    'keys.choose': 'Chọn sản phẩm…',
    'keys.text': 'Mã thẻ, mỗi dòng một mã',
    'keys.file': '…hoặc tệp văn bản, mỗi dòng một mã',
    'keys.ready': '{count} mã sẵn sàng tải lên.',
    'keys.upload': 'Tải lên mã thẻ',
    'keys.uploadShort': 'Tải lên mã',
    'keys.uploadFor': 'Tải lên mã thẻ cho {name}',
    'keys.productRequired': 'Hãy chọn sản phẩm của các mã thẻ.',
    'keys.keysRequired': 'Hãy dán mã thẻ (mỗi dòng một mã) hoặc chọn tệp.',
    'keys.result': 'Đã thêm {added}, trùng {duplicates}',

    'dead.heading': 'Thư chết',
    'dead.hint': 'Sự kiện mà projection không xử lý được sẽ được giữ lại ở đây cùng các sự kiện sau đó của đơn. Hãy sửa nguyên nhân rồi thử lại nhóm.',
    'dead.none': 'Không có thư chết: mọi bộ xử lý đều theo kịp.',
    'dead.count': '{count} thư',
    'dead.retry': 'Thử lại {group}',
    'dead.retried': '{group}: thử lại {retried} chuỗi, khôi phục {recovered}, còn {left} thư.',
    'dead.col.event': 'Sự kiện',
    'dead.col.aggregate': 'Aggregate',
    'dead.col.enqueued': 'Giữ lúc',
    'dead.col.lastTouched': 'Thử lần cuối',
    'dead.col.cause': 'Nguyên nhân',

    'unmatched.heading': 'Thông báo thanh toán cho đơn không xác định',
    'unmatched.hint': 'Thông báo PSP có chữ ký hợp lệ nhưng không ứng với đơn nào của chúng ta. Hãy tìm khoản thanh toán tại PSP và hoàn tiền ở đó nếu không phải của chúng ta.',
    'unmatched.none': 'Không có.',
    'unmatched.col.received': 'Nhận lúc',
    'unmatched.col.payment': 'Thanh toán PSP',
    'unmatched.col.merchantOrder': 'Mã đơn của cửa hàng',
    'unmatched.col.status': 'Trạng thái',
    'unmatched.col.amount': 'Số tiền',

    'system.heading': 'Projection & cầu dao',
    'projections.heading': 'Bộ xử lý sự kiện',
    'projections.col.name': 'Bộ xử lý',
    'projections.col.state': 'Trạng thái',
    'projections.col.segments': 'Phân đoạn (vị trí)',
    'projections.running': 'đang chạy',
    'projections.stopped': 'đã dừng',
    'projections.replaying': 'đang phát lại',
    'projections.caughtUp': 'đã bắt kịp',
    'projections.behind': 'đang bắt kịp',
    'projections.noSegments': 'đăng ký trực tiếp (không có vị trí)',
    'projections.rebuild': 'Dựng lại…',
    'projections.rebuildLabel': 'Dựng lại {name}…',
    'projections.rebuildStarted': 'Đã bắt đầu dựng lại {name} ({status}).',

    'breakers.heading': 'Cầu dao (circuit breaker)',
    'breakers.failureRate': 'Tỷ lệ lỗi',
    'breakers.slowRate': 'Cuộc gọi chậm',
    'breakers.calls': 'Cuộc gọi trong cửa sổ',
    'breakers.callCounts': '{buffered} ghi nhận, {failed} lỗi, {refused} bị từ chối',
    'breakers.notEnough': 'chưa đủ cuộc gọi',
    'breakers.transitions': 'Chuyển trạng thái gần đây',
    'breakers.noTransitions': 'Chưa chuyển trạng thái lần nào từ khi khởi động.',
    'breakers.none': 'Không có cầu dao.',
    'breaker.CLOSED': 'Đóng',
    'breaker.OPEN': 'Mở',
    'breaker.HALF_OPEN': 'Nửa mở',
    'breaker.DISABLED': 'Tắt',
    'breaker.FORCED_OPEN': 'Buộc mở',
    'breaker.METRICS_ONLY': 'Chỉ đo',

    'bulk.heading': 'Kiểm toán hàng loạt',
    'bulk.hint': 'Phát lại các quyết định của quy trình cho mọi đơn đặt trong khoảng thời gian (tối đa 1000) và liệt kê những đơn có lịch sử khác biệt — kể cả can thiệp thủ công.',
    'bulk.from': 'Từ (giờ địa phương)',
    'bulk.to': 'Đến (giờ địa phương)',
    'bulk.run': 'Chạy kiểm toán',
    'bulk.running': 'Đang kiểm toán…',
    'bulk.invalidRange': 'Thời điểm bắt đầu phải trước thời điểm kết thúc.',
    'bulk.range': 'Đơn đặt trong khoảng',
    'bulk.orders': 'đơn đã kiểm toán',
    'bulk.consistent': 'nhất quán',
    'bulk.inconsistent': 'không nhất quán',
    'bulk.limited': 'Chỉ 1000 đơn đầu tiên của khoảng này được kiểm toán: hãy thu hẹp khoảng để xem phần còn lại.',
    'bulk.listHeading': 'Các đơn không nhất quán',
    'bulk.done': 'Đã kiểm toán: {orders} đơn, {inconsistent} không nhất quán.',

    'age.seconds': '{s} giây',
    'age.minutes': '{m} phút',
    'age.hours': '{h} giờ {m} phút',
    'age.days': '{d} ngày {h} giờ'
  };

  const MESSAGES = { en, 'zh-CN': zhCN, vi };

  function supported(tag) {
    const lower = String(tag || '').toLowerCase();
    if (lower.startsWith('zh')) {
      return 'zh-CN';
    }
    if (lower.startsWith('vi')) {
      return 'vi';
    }
    if (lower.startsWith('en')) {
      return 'en';
    }
    return null;
  }

  function initialLanguage() {
    try {
      const stored = window.localStorage.getItem(STORAGE_KEY);
      if (stored && MESSAGES[stored]) {
        return stored;
      }
    } catch (e) {
      // storage may be off; the browser's languages still count
    }
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (const tag of wanted) {
      const found = supported(tag);
      if (found) {
        return found;
      }
    }
    return FALLBACK;
  }

  let current = initialLanguage();

  /** The text of key in the current language (else English, else fallback), with its {name}s filled in. */
  function t(key, params, fallback) {
    const values = params || {};
    let message = MESSAGES[current][key];
    if (message === undefined) {
      message = en[key];
    }
    if (message === undefined) {
      return fallback !== undefined ? fallback : key;
    }
    if (typeof message === 'function') {
      return message(values);
    }
    return message.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  function apply(root) {
    document.documentElement.lang = current;
    root.querySelectorAll('[data-i18n]').forEach((node) => {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
    root.querySelectorAll('[data-i18n-attr]').forEach((node) => {
      node.getAttribute('data-i18n-attr').split(',').forEach((pair) => {
        const [attribute, key] = pair.split(':');
        node.setAttribute(attribute.trim(), t(key.trim()));
      });
    });
  }

  function setLanguage(code) {
    if (!MESSAGES[code]) {
      return;
    }
    current = code;
    try {
      window.localStorage.setItem(STORAGE_KEY, code);
    } catch (e) {
      // the choice then lasts for this page only
    }
  }

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
    return new Intl.DateTimeFormat(current, options).format(date);
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
      return new Intl.NumberFormat(current, { style: 'currency', currency: currency || 'EUR' }).format(value);
    } catch (e) {
      return amount + ' ' + (currency || '');
    }
  }

  function formatNumber(value, digits) {
    return new Intl.NumberFormat(current, { maximumFractionDigits: digits }).format(value);
  }

  window.CardflowAdminI18n = {
    languages: LANGUAGES,
    language: () => current,
    setLanguage,
    t,
    apply,
    formatTime,
    formatAge,
    formatMoney,
    formatNumber
  };
}());
