/*
 * The buyer's pages in English, Simplified Chinese and Vietnamese. The language comes from the
 * buyer's choice (kept in localStorage), else from navigator.languages, else English. Texts the
 * server sends in English (timeline details, reasons) are worded here by their stable code and
 * values; what we do not know is shown as the server wrote it.
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

  const MESSAGES = {
    en: {
      'common.language': 'Language',
      'common.skip': 'Skip to content',
      'common.tagline': 'Card keys, delivered in seconds',
      'common.demo': 'Demo shop: payments are simulated',
      'common.footer': 'Payments are handled by our payment provider: we never see your card details.',
      'common.newTab': '(opens in a new tab)',

      'shop.title': 'cardflow — card keys, delivered in seconds',
      'shop.heading': 'Digital card keys',
      'shop.intro': 'Pick a product, pay securely, and your key appears on your order page within seconds.',
      'shop.promise.instant': 'Instant delivery',
      'shop.promise.secure': 'Secure payment',
      'shop.promise.private': 'Keys shown only to you',
      'shop.products': 'Products',
      'shop.loading': 'Loading products…',
      'shop.empty': 'No products are on sale right now. Please check back soon.',
      'shop.loadFailed': 'We couldn’t load the products. Trying again…',
      'shop.refreshFailed': 'Stock figures may be out of date: we’re trying to refresh them.',

      'product.inStock': '{count} in stock',
      'product.lowStock': 'Only {count} left',
      'product.alwaysAvailable': 'Always available',
      'product.soldOut': 'Sold out',
      'product.buy': 'Buy',
      'product.buyLabel': 'Buy {name}',

      'checkout.legend': 'Checkout: {name}',
      'checkout.email': 'Email address',
      'checkout.emailHint': 'Used only for questions about this order.',
      'checkout.quantity': 'Quantity',
      'checkout.method': 'Pay with',
      'method.simulator': 'Demo payment (simulated)',
      'method.stripe': 'Card (Stripe)',
      'method.epay.alipay': 'Alipay',
      'method.epay.wxpay': 'WeChat Pay',
      'checkout.total': 'Total: {amount}',
      'checkout.submit': 'Continue to payment',
      'checkout.submitting': 'Placing your order…',
      'checkout.retrying': 'Connection problem, trying again ({attempt} of {max})…',
      'checkout.cancel': 'Cancel',
      'checkout.invalidEmail': 'Enter a valid email address, like name@example.com.',
      'checkout.invalidQuantity': 'Choose a quantity from 1 to {max}.',
      'checkout.soldOut': 'This product has just sold out.',
      'checkout.failed': 'We couldn’t reach the shop. Please check your connection and try again: trying again will not create a second order.',
      'checkout.refused': 'The shop could not accept this order:',
      'checkout.retryAfter': 'Please try again in {seconds} seconds.',
      'checkout.placed': 'Order placed. Opening your order page…',

      'order.title': 'Your order — cardflow',
      'order.heading': 'Your order',
      'order.loading': 'Loading your order…',
      'order.number': 'Order number',
      'order.total': 'Total',
      'order.back': 'Back to the shop',
      'order.notFoundTitle': 'Order not found — cardflow',
      'order.notFoundHeading': 'Order not found',
      'order.notFoundBody': 'We couldn’t find this order. Please check your link: it must be the complete address you received, including the part after “?token=”.',
      'order.progress': 'Order progress',
      'order.connectionLost': 'Connection lost. Trying again…',

      'step.done': 'completed',
      'step.current': 'current step',
      'step.todo': 'not reached yet',

      'status.PLACED': 'Placed',
      'status.PENDING_PAYMENT': 'Awaiting payment',
      'status.PAID': 'Paid',
      'status.DELIVERED': 'Delivered',
      'status.CANCELLED': 'Cancelled',
      'status.REFUNDING': 'Refund in progress',
      'status.REFUNDED': 'Refunded',

      'panel.PLACED.title': 'We’re preparing your order',
      'panel.PLACED.body': 'We’re reserving your card key. The payment button appears here in a moment.',
      'panel.PENDING_PAYMENT.title': 'Please complete your payment',
      'panel.reserved.one': 'Your card key is reserved for you.',
      'panel.reserved.many': '{count} card keys are reserved for you.',
      'panel.payBy': 'Please pay by {time}.',
      'panel.payNow': 'Pay now · {amount}',
      'panel.payHint': 'The payment page opens in a new tab. After paying, come back to this tab: it updates by itself.',
      'panel.paymentFailed': 'Your last payment attempt did not go through. You can try again.',
      'panel.PAID.title': 'Payment received — preparing your key',
      'panel.PAID.body': 'Your key will appear right here. You can keep this page open.',
      'panel.supplierSlow': 'Our card supplier is slow right now; we keep trying.',
      'panel.DELIVERED.title.one': 'Your card key is ready',
      'panel.DELIVERED.title.many': 'Your card keys are ready',
      'panel.DELIVERED.body.one': 'Copy it and keep it safe. You can return to this page at any time with the link below.',
      'panel.DELIVERED.body.many': 'Copy them and keep them safe. You can return to this page at any time with the link below.',
      'panel.CANCELLED.title': 'This order was cancelled',
      'panel.CANCELLED.body': 'If you paid for it anyway, you don’t need to do anything: we deliver your key if it is still in stock, or refund your payment automatically.',
      'panel.REFUNDING.title': 'Your refund is on its way',
      'panel.REFUNDING.body': 'We are returning {amount} to you. This page updates when it is done.',
      'panel.REFUNDED.title': 'Your payment has been refunded',
      'panel.REFUNDED.body': '{amount} has been returned to you. Depending on your bank, it can take a few days to show.',
      'panel.reason': 'Reason: {reason}.',
      'panel.shopAgain': 'Back to the shop',

      'eta.seconds': 'Expected in about {n} seconds.',
      'eta.minutes': 'Expected in about {n} minutes.',
      'eta.soon': 'Any moment now…',

      'keys.heading': 'Card keys',
      'keys.label': 'Card key {n}',
      'keys.copy': 'Copy',
      'keys.copied': 'Copied',
      'keys.copyLabel': 'Copy card key {n}',
      'copy.failed': 'Couldn’t copy. Please select the text and copy it yourself.',

      'timeline.heading': 'Order history',
      'link.heading': 'Link to this order',
      'link.label': 'Order link',
      'link.hint': 'Save this link to come back later. Anyone who has it can see your order and its keys, so keep it private.',
      'link.copy': 'Copy link',

      'announce.status': 'Order status: {status}. {detail}.',
      'announce.copied': 'Copied to the clipboard.',

      'timeline.placed': 'Order received',
      'timeline.stock-reserved.one': 'Your card key is reserved',
      'timeline.stock-reserved.many': '{quantity} card keys are reserved',
      'timeline.out-of-stock': 'Not enough keys in stock ({available} left, {requested} asked)',
      'timeline.awaiting-payment': 'Waiting for your payment',
      'timeline.payment-failed': 'A payment attempt failed; you can try again',
      'timeline.payment-confirmed': 'Payment confirmed',
      'timeline.late-payment': 'Your payment arrived after the order was cancelled; checking stock',
      'timeline.reinstated': 'Order reinstated: your late payment is accepted',
      'timeline.keys-issued': 'Card keys issued',
      'timeline.supplier-retry': 'Waiting for the card supplier: attempt {attempt} of {maxAttempts} failed ({reason}), trying again',
      'timeline.supplier-gave-up': 'The card suppliers could not issue your keys after {maxAttempts} attempts',
      'timeline.delivered': 'Card keys delivered',
      'timeline.cancelled': 'Order cancelled: {reason}',
      'timeline.stock-released': 'Reserved keys returned to stock',
      'timeline.refunding': 'Refund of {amount} sent: {reason}',
      'timeline.refund-failed': 'The payment provider could not refund automatically; our staff will refund you by hand',
      'timeline.refunded': 'Refund completed'
    },

    'zh-CN': {
      'common.language': '语言',
      'common.skip': '跳到主要内容',
      'common.tagline': '卡密,秒速送达',
      'common.demo': '演示商店:付款均为模拟',
      'common.footer': '付款由我们的支付服务商处理:我们不会看到您的银行卡信息。',
      'common.newTab': '(在新标签页中打开)',

      'shop.title': 'cardflow — 卡密,秒速送达',
      'shop.heading': '数字卡密',
      'shop.intro': '选择商品,安全付款,卡密几秒钟内就会出现在您的订单页面上。',
      'shop.promise.instant': '即时交付',
      'shop.promise.secure': '安全付款',
      'shop.promise.private': '卡密仅您可见',
      'shop.products': '商品',
      'shop.loading': '正在加载商品…',
      'shop.empty': '目前没有在售商品,请稍后再来。',
      'shop.loadFailed': '无法加载商品,正在重试…',
      'shop.refreshFailed': '库存数量可能不是最新的,我们正在尝试刷新。',

      'product.inStock': '库存 {count} 件',
      'product.lowStock': '仅剩 {count} 件',
      'product.alwaysAvailable': '随时有货',
      'product.soldOut': '已售罄',
      'product.buy': '购买',
      'product.buyLabel': '购买 {name}',

      'checkout.legend': '结账:{name}',
      'checkout.email': '电子邮箱',
      'checkout.emailHint': '仅用于与此订单有关的问题。',
      'checkout.quantity': '数量',
      'checkout.method': '支付方式',
      'method.simulator': '演示支付(模拟)',
      'method.stripe': '银行卡(Stripe)',
      'method.epay.alipay': '支付宝',
      'method.epay.wxpay': '微信支付',
      'checkout.total': '合计:{amount}',
      'checkout.submit': '去付款',
      'checkout.submitting': '正在提交订单…',
      'checkout.retrying': '网络连接有问题,正在重试(第 {attempt} 次,共 {max} 次)…',
      'checkout.cancel': '取消',
      'checkout.invalidEmail': '请输入有效的电子邮箱地址,例如 name@example.com。',
      'checkout.invalidQuantity': '请选择 1 到 {max} 之间的数量。',
      'checkout.soldOut': '此商品刚刚售罄。',
      'checkout.failed': '无法连接到商店。请检查网络后重试:重试不会产生第二个订单。',
      'checkout.refused': '商店无法接受此订单:',
      'checkout.retryAfter': '请在 {seconds} 秒后重试。',
      'checkout.placed': '订单已提交,正在打开订单页面…',

      'order.title': '您的订单 — cardflow',
      'order.heading': '您的订单',
      'order.loading': '正在加载订单…',
      'order.number': '订单号',
      'order.total': '合计',
      'order.back': '返回商店',
      'order.notFoundTitle': '找不到订单 — cardflow',
      'order.notFoundHeading': '找不到订单',
      'order.notFoundBody': '我们找不到此订单。请检查您的链接:它必须是您收到的完整地址,包括“?token=”之后的部分。',
      'order.progress': '订单进度',
      'order.connectionLost': '连接中断,正在重试…',

      'step.done': '已完成',
      'step.current': '当前步骤',
      'step.todo': '尚未开始',

      'status.PLACED': '已下单',
      'status.PENDING_PAYMENT': '等待付款',
      'status.PAID': '已付款',
      'status.DELIVERED': '已交付',
      'status.CANCELLED': '已取消',
      'status.REFUNDING': '退款中',
      'status.REFUNDED': '已退款',

      'panel.PLACED.title': '正在处理您的订单',
      'panel.PLACED.body': '我们正在为您预留卡密,付款按钮稍后会出现在这里。',
      'panel.PENDING_PAYMENT.title': '请完成付款',
      'panel.reserved.one': '您的卡密已为您预留。',
      'panel.reserved.many': '已为您预留 {count} 个卡密。',
      'panel.payBy': '请在 {time} 前付款。',
      'panel.payNow': '立即付款 · {amount}',
      'panel.payHint': '付款页面将在新标签页中打开。付款后请回到此标签页,它会自动更新。',
      'panel.paymentFailed': '您上一次付款未成功,可以再试一次。',
      'panel.PAID.title': '已收到付款,正在准备您的卡密',
      'panel.PAID.body': '卡密会直接显示在这里,请保持此页面打开。',
      'panel.supplierSlow': '卡密供应商暂时响应较慢,我们正在重试。',
      'panel.DELIVERED.title.one': '您的卡密已就绪',
      'panel.DELIVERED.title.many': '您的卡密已就绪',
      'panel.DELIVERED.body.one': '请复制并妥善保管。您可以随时通过下方链接回到此页面。',
      'panel.DELIVERED.body.many': '请复制并妥善保管。您可以随时通过下方链接回到此页面。',
      'panel.CANCELLED.title': '此订单已取消',
      'panel.CANCELLED.body': '如果您仍然付了款,无需任何操作:如果仍有库存,我们会交付卡密,否则会自动退款。',
      'panel.REFUNDING.title': '退款处理中',
      'panel.REFUNDING.body': '我们正在向您退还 {amount},完成后此页面会自动更新。',
      'panel.REFUNDED.title': '您的付款已退还',
      'panel.REFUNDED.body': '{amount} 已退还给您。根据银行不同,可能需要几天才能到账。',
      'panel.reason': '原因:{reason}。',
      'panel.shopAgain': '返回商店',

      'eta.seconds': '预计约 {n} 秒后完成。',
      'eta.minutes': '预计约 {n} 分钟后完成。',
      'eta.soon': '马上就好…',

      'keys.heading': '卡密',
      'keys.label': '卡密 {n}',
      'keys.copy': '复制',
      'keys.copied': '已复制',
      'keys.copyLabel': '复制卡密 {n}',
      'copy.failed': '无法复制,请手动选择文本并复制。',

      'timeline.heading': '订单记录',
      'link.heading': '此订单的链接',
      'link.label': '订单链接',
      'link.hint': '保存此链接以便稍后返回。任何拥有此链接的人都能看到您的订单和卡密,请勿分享。',
      'link.copy': '复制链接',

      'announce.status': '订单状态:{status}。{detail}。',
      'announce.copied': '已复制到剪贴板。',

      'timeline.placed': '已收到订单',
      'timeline.stock-reserved.one': '已为您预留卡密',
      'timeline.stock-reserved.many': '已为您预留 {quantity} 个卡密',
      'timeline.out-of-stock': '库存不足(剩余 {available} 个,需要 {requested} 个)',
      'timeline.awaiting-payment': '等待您付款',
      'timeline.payment-failed': '一次付款尝试失败,您可以重试',
      'timeline.payment-confirmed': '付款已确认',
      'timeline.late-payment': '您的付款在订单取消后才到账,正在检查库存',
      'timeline.reinstated': '订单已恢复:您的逾期付款已被接受',
      'timeline.keys-issued': '卡密已发放',
      'timeline.supplier-retry': '正在等待卡密供应商:第 {attempt} 次尝试(共 {maxAttempts} 次)失败({reason}),正在重试',
      'timeline.supplier-gave-up': '卡密供应商在 {maxAttempts} 次尝试后仍无法发放卡密',
      'timeline.delivered': '卡密已交付',
      'timeline.cancelled': '订单已取消:{reason}',
      'timeline.stock-released': '预留的卡密已退回库存',
      'timeline.refunding': '已发起退款 {amount}:{reason}',
      'timeline.refund-failed': '支付渠道无法自动退款,我们的工作人员将为您手动退款',
      'timeline.refunded': '退款已完成'
    },

    vi: {
      'common.language': 'Ngôn ngữ',
      'common.skip': 'Chuyển đến nội dung chính',
      'common.tagline': 'Mã thẻ, giao trong vài giây',
      'common.demo': 'Cửa hàng demo: thanh toán chỉ là mô phỏng',
      'common.footer': 'Thanh toán do nhà cung cấp dịch vụ thanh toán xử lý: chúng tôi không bao giờ thấy thông tin thẻ của bạn.',
      'common.newTab': '(mở trong thẻ mới)',

      'shop.title': 'cardflow — mã thẻ, giao trong vài giây',
      'shop.heading': 'Mã thẻ kỹ thuật số',
      'shop.intro': 'Chọn sản phẩm, thanh toán an toàn, và mã của bạn sẽ xuất hiện trên trang đơn hàng chỉ sau vài giây.',
      'shop.promise.instant': 'Giao ngay lập tức',
      'shop.promise.secure': 'Thanh toán an toàn',
      'shop.promise.private': 'Chỉ bạn thấy mã của mình',
      'shop.products': 'Sản phẩm',
      'shop.loading': 'Đang tải sản phẩm…',
      'shop.empty': 'Hiện chưa có sản phẩm nào được bán. Vui lòng quay lại sau.',
      'shop.loadFailed': 'Không tải được sản phẩm. Đang thử lại…',
      'shop.refreshFailed': 'Số lượng tồn kho có thể chưa được cập nhật; chúng tôi đang thử làm mới.',

      'product.inStock': 'Còn {count} mã',
      'product.lowStock': 'Chỉ còn {count} mã',
      'product.alwaysAvailable': 'Luôn có sẵn',
      'product.soldOut': 'Hết hàng',
      'product.buy': 'Mua',
      'product.buyLabel': 'Mua {name}',

      'checkout.legend': 'Đặt mua: {name}',
      'checkout.email': 'Địa chỉ email',
      'checkout.emailHint': 'Chỉ dùng khi có câu hỏi về đơn hàng này.',
      'checkout.quantity': 'Số lượng',
      'checkout.method': 'Thanh toán bằng',
      'method.simulator': 'Thanh toán thử (mô phỏng)',
      'method.stripe': 'Thẻ (Stripe)',
      'method.epay.alipay': 'Alipay',
      'method.epay.wxpay': 'WeChat Pay',
      'checkout.total': 'Tổng cộng: {amount}',
      'checkout.submit': 'Tiếp tục thanh toán',
      'checkout.submitting': 'Đang đặt hàng…',
      'checkout.retrying': 'Kết nối gặp sự cố, đang thử lại (lần {attempt}/{max})…',
      'checkout.cancel': 'Hủy',
      'checkout.invalidEmail': 'Vui lòng nhập địa chỉ email hợp lệ, ví dụ name@example.com.',
      'checkout.invalidQuantity': 'Vui lòng chọn số lượng từ 1 đến {max}.',
      'checkout.soldOut': 'Sản phẩm này vừa hết hàng.',
      'checkout.failed': 'Không kết nối được với cửa hàng. Vui lòng kiểm tra kết nối và thử lại: thử lại sẽ không tạo đơn hàng thứ hai.',
      'checkout.refused': 'Cửa hàng không thể nhận đơn hàng này:',
      'checkout.retryAfter': 'Vui lòng thử lại sau {seconds} giây.',
      'checkout.placed': 'Đã đặt hàng. Đang mở trang đơn hàng…',

      'order.title': 'Đơn hàng của bạn — cardflow',
      'order.heading': 'Đơn hàng của bạn',
      'order.loading': 'Đang tải đơn hàng…',
      'order.number': 'Mã đơn hàng',
      'order.total': 'Tổng cộng',
      'order.back': 'Quay lại cửa hàng',
      'order.notFoundTitle': 'Không tìm thấy đơn hàng — cardflow',
      'order.notFoundHeading': 'Không tìm thấy đơn hàng',
      'order.notFoundBody': 'Chúng tôi không tìm thấy đơn hàng này. Vui lòng kiểm tra đường liên kết: đó phải là địa chỉ đầy đủ bạn đã nhận được, kể cả phần sau “?token=”.',
      'order.progress': 'Tiến trình đơn hàng',
      'order.connectionLost': 'Mất kết nối. Đang thử lại…',

      'step.done': 'đã xong',
      'step.current': 'bước hiện tại',
      'step.todo': 'chưa đến',

      'status.PLACED': 'Đã đặt hàng',
      'status.PENDING_PAYMENT': 'Chờ thanh toán',
      'status.PAID': 'Đã thanh toán',
      'status.DELIVERED': 'Đã giao',
      'status.CANCELLED': 'Đã hủy',
      'status.REFUNDING': 'Đang hoàn tiền',
      'status.REFUNDED': 'Đã hoàn tiền',

      'panel.PLACED.title': 'Chúng tôi đang chuẩn bị đơn hàng của bạn',
      'panel.PLACED.body': 'Chúng tôi đang giữ mã thẻ cho bạn. Nút thanh toán sẽ xuất hiện ở đây trong giây lát.',
      'panel.PENDING_PAYMENT.title': 'Vui lòng hoàn tất thanh toán',
      'panel.reserved.one': 'Mã thẻ của bạn đã được giữ riêng cho bạn.',
      'panel.reserved.many': '{count} mã thẻ đã được giữ riêng cho bạn.',
      'panel.payBy': 'Vui lòng thanh toán trước {time}.',
      'panel.payNow': 'Thanh toán ngay · {amount}',
      'panel.payHint': 'Trang thanh toán sẽ mở trong thẻ mới. Sau khi thanh toán, hãy quay lại thẻ này: trang sẽ tự cập nhật.',
      'panel.paymentFailed': 'Lần thanh toán vừa rồi không thành công. Bạn có thể thử lại.',
      'panel.PAID.title': 'Đã nhận thanh toán — đang chuẩn bị mã của bạn',
      'panel.PAID.body': 'Mã của bạn sẽ hiện ngay tại đây. Bạn có thể để trang này mở.',
      'panel.supplierSlow': 'Nhà cung cấp mã thẻ đang phản hồi chậm; chúng tôi vẫn đang thử lại.',
      'panel.DELIVERED.title.one': 'Mã thẻ của bạn đã sẵn sàng',
      'panel.DELIVERED.title.many': 'Các mã thẻ của bạn đã sẵn sàng',
      'panel.DELIVERED.body.one': 'Hãy sao chép và giữ mã cẩn thận. Bạn có thể quay lại trang này bất cứ lúc nào bằng đường liên kết bên dưới.',
      'panel.DELIVERED.body.many': 'Hãy sao chép và giữ các mã cẩn thận. Bạn có thể quay lại trang này bất cứ lúc nào bằng đường liên kết bên dưới.',
      'panel.CANCELLED.title': 'Đơn hàng này đã bị hủy',
      'panel.CANCELLED.body': 'Nếu bạn vẫn đã thanh toán, bạn không cần làm gì: chúng tôi sẽ giao mã nếu còn hàng, hoặc tự động hoàn tiền.',
      'panel.REFUNDING.title': 'Đang hoàn tiền cho bạn',
      'panel.REFUNDING.body': 'Chúng tôi đang hoàn lại {amount} cho bạn. Trang này sẽ cập nhật khi hoàn tất.',
      'panel.REFUNDED.title': 'Khoản thanh toán của bạn đã được hoàn lại',
      'panel.REFUNDED.body': '{amount} đã được hoàn lại cho bạn. Tùy ngân hàng, có thể mất vài ngày để hiển thị.',
      'panel.reason': 'Lý do: {reason}.',
      'panel.shopAgain': 'Quay lại cửa hàng',

      'eta.seconds': 'Dự kiến khoảng {n} giây nữa.',
      'eta.minutes': 'Dự kiến khoảng {n} phút nữa.',
      'eta.soon': 'Sắp xong rồi…',

      'keys.heading': 'Mã thẻ',
      'keys.label': 'Mã thẻ {n}',
      'keys.copy': 'Sao chép',
      'keys.copied': 'Đã sao chép',
      'keys.copyLabel': 'Sao chép mã thẻ {n}',
      'copy.failed': 'Không sao chép được. Vui lòng tự chọn và sao chép văn bản.',

      'timeline.heading': 'Lịch sử đơn hàng',
      'link.heading': 'Đường liên kết đến đơn hàng này',
      'link.label': 'Liên kết đơn hàng',
      'link.hint': 'Hãy lưu đường liên kết này để quay lại sau. Bất kỳ ai có nó đều xem được đơn hàng và mã thẻ của bạn, vì vậy hãy giữ kín.',
      'link.copy': 'Sao chép liên kết',

      'announce.status': 'Trạng thái đơn hàng: {status}. {detail}.',
      'announce.copied': 'Đã sao chép vào bộ nhớ tạm.',

      'timeline.placed': 'Đã nhận đơn hàng',
      'timeline.stock-reserved.one': 'Mã thẻ của bạn đã được giữ',
      'timeline.stock-reserved.many': 'Đã giữ {quantity} mã thẻ cho bạn',
      'timeline.out-of-stock': 'Không đủ mã trong kho (còn {available}, cần {requested})',
      'timeline.awaiting-payment': 'Đang chờ bạn thanh toán',
      'timeline.payment-failed': 'Một lần thanh toán không thành công; bạn có thể thử lại',
      'timeline.payment-confirmed': 'Đã xác nhận thanh toán',
      'timeline.late-payment': 'Khoản thanh toán của bạn đến sau khi đơn hàng đã bị hủy; đang kiểm tra kho',
      'timeline.reinstated': 'Đơn hàng đã được khôi phục: khoản thanh toán muộn của bạn được chấp nhận',
      'timeline.keys-issued': 'Đã phát hành mã thẻ',
      'timeline.supplier-retry': 'Đang chờ nhà cung cấp mã thẻ: lần thử {attempt}/{maxAttempts} không thành công ({reason}), đang thử lại',
      'timeline.supplier-gave-up': 'Các nhà cung cấp không thể phát hành mã của bạn sau {maxAttempts} lần thử',
      'timeline.delivered': 'Đã giao mã thẻ',
      'timeline.cancelled': 'Đơn hàng đã bị hủy: {reason}',
      'timeline.stock-released': 'Các mã đã giữ đã được trả lại kho',
      'timeline.refunding': 'Đã gửi yêu cầu hoàn {amount}: {reason}',
      'timeline.refund-failed': 'Cổng thanh toán không thể tự hoàn tiền; nhân viên của chúng tôi sẽ hoàn tiền thủ công cho bạn',
      'timeline.refunded': 'Đã hoàn tiền xong'
    }
  };

  /** Reasons the platform gives in English (FulfilmentProcess, CardPurchase), worded per language. */
  const REASONS = {
    'zh-CN': {
      'out of stock': '库存不足',
      'payment not received in time': '未在规定时间内收到付款',
      'paid after the order was cancelled, and out of stock': '订单取消后才付款,且库存不足',
      'the amount paid differs from the order\'s amount': '付款金额与订单金额不符',
      'the card suppliers could not issue the keys': '卡密供应商无法发放卡密',
      'supplier unavailable (circuit open)': '供应商暂时不可用',
      'supplier timed out': '供应商响应超时'
    },
    vi: {
      'out of stock': 'hết hàng',
      'payment not received in time': 'không nhận được thanh toán đúng hạn',
      'paid after the order was cancelled, and out of stock': 'thanh toán sau khi đơn hàng đã bị hủy, và đã hết hàng',
      'the amount paid differs from the order\'s amount': 'số tiền đã thanh toán khác với số tiền của đơn hàng',
      'the card suppliers could not issue the keys': 'các nhà cung cấp không thể phát hành mã thẻ',
      'supplier unavailable (circuit open)': 'nhà cung cấp tạm thời không khả dụng',
      'supplier timed out': 'nhà cung cấp phản hồi quá thời gian'
    }
  };
  const REASON_PATTERNS = [
    { pattern: /^supplier answered (\d+)$/, 'zh-CN': '供应商返回错误 {1}', vi: 'nhà cung cấp trả về lỗi {1}' },
    { pattern: /^supplier unreachable\b/, 'zh-CN': '无法连接供应商', vi: 'không kết nối được với nhà cung cấp' }
  ];

  const listeners = [];
  let current = initialLanguage();

  function supported(code) {
    return LANGUAGES.some(l => l.code === code);
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

  function has(key) {
    return Object.prototype.hasOwnProperty.call(MESSAGES[current], key)
      || Object.prototype.hasOwnProperty.call(MESSAGES[FALLBACK], key);
  }

  /** The text of {@code key} in the current language, with {name} placeholders filled from params. */
  function t(key, params) {
    const own = MESSAGES[current][key];
    const text = own !== undefined ? own : MESSAGES[FALLBACK][key];
    return text === undefined ? key : format(text, params);
  }

  /** Fills every [data-i18n] element and [data-i18n-attr="attr:key;…"] attribute under root. */
  function apply(root) {
    const scope = root || document;
    if (scope === document && document.body && document.body.dataset.title) {
      document.title = t(document.body.dataset.title);
    }
    scope.querySelectorAll('[data-i18n]').forEach(el => {
      el.textContent = t(el.dataset.i18n);
    });
    scope.querySelectorAll('[data-i18n-attr]').forEach(el => {
      el.dataset.i18nAttr.split(';').forEach(pair => {
        const [attr, key] = pair.split(':').map(s => s.trim());
        if (attr && key) el.setAttribute(attr, t(key));
      });
    });
  }

  function setLanguage(code, remember) {
    if (!supported(code)) return;
    current = code;
    if (remember) {
      try {
        window.localStorage.setItem(STORAGE_KEY, code);
      } catch (e) {
        // storage disabled: nothing to keep
      }
    }
    document.documentElement.lang = code;
    apply(document);
    document.querySelectorAll('select[data-language-switch]').forEach(select => {
      select.value = code;
    });
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

  function money(amount, currency) {
    if (amount === null || amount === undefined || amount === '') return '';
    const value = Number(amount);
    try {
      return new Intl.NumberFormat(current, { style: 'currency', currency: currency }).format(value);
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
    return new Intl.DateTimeFormat(current, options).format(date);
  }

  function status(code) {
    return has('status.' + code) ? t('status.' + code) : String(code || '');
  }

  /** A reason the platform gave in English, in the current language when we know it. */
  function reason(text) {
    if (!text || current === FALLBACK) return text || '';
    const known = REASONS[current] && REASONS[current][text];
    if (known) return known;
    for (const rule of REASON_PATTERNS) {
      const found = rule.pattern.exec(text);
      if (found && rule[current]) return format(rule[current], found);
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
        if (code && has('timeline.' + code)) return t('timeline.' + code);
    }
    return entry.detail || '';
  }

  window.Cardflow = window.Cardflow || {};
  window.Cardflow.I18n = {
    languages: LANGUAGES,
    get language() {
      return current;
    },
    t: t,
    apply: apply,
    setLanguage: setLanguage,
    mountSwitch: mountSwitch,
    onChange: fn => listeners.push(fn),
    money: money,
    time: time,
    status: status,
    reason: reason,
    timelineEntry: timelineEntry
  };

  document.documentElement.lang = current;
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('select[data-language-switch]').forEach(mountSwitch);
    apply(document);
  });
})();
