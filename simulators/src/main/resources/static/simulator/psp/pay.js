(function () {
  const card = document.querySelector('[data-payment-id]');
  const paymentId = card.dataset.paymentId;
  const status = document.getElementById('status');
  const pay = document.getElementById('pay');
  const decline = document.getElementById('decline');

  function show(value) {
    status.dataset.status = value;
    status.textContent = value === 'SUCCEEDED' ? 'Payment complete. You can return to the shop.'
      : value === 'FAILED' ? 'The payment was declined. You can try again.'
      : 'Status: ' + value;
    const done = value === 'SUCCEEDED' || value === 'REFUNDED';
    pay.disabled = done;
    decline.disabled = done;
  }

  async function settle(action) {
    pay.disabled = true;
    decline.disabled = true;
    try {
      const response = await fetch('/simulator/psp/v1/payments/' + encodeURIComponent(paymentId) + '/' + action,
        { method: 'POST' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      show((await response.json()).status);
    } catch (e) {
      status.textContent = 'Could not reach the payment provider. Please try again.';
      pay.disabled = false;
      decline.disabled = false;
    }
  }

  pay.addEventListener('click', () => settle('complete'));
  decline.addEventListener('click', () => settle('fail'));
  show(status.dataset.status);
})();
