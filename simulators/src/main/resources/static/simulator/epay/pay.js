(function () {
  const card = document.querySelector('[data-trade-no]');
  const tradeNo = card.dataset.tradeNo;
  const status = document.getElementById('status');
  const pay = document.getElementById('pay');
  const decline = document.getElementById('decline');

  function show(paid) {
    status.dataset.status = paid ? '1' : '0';
    status.textContent = paid ? '支付成功 Payment complete. Returning to the shop…' : '';
    pay.disabled = paid;
    decline.disabled = paid;
  }

  async function settle(action) {
    pay.disabled = true;
    decline.disabled = true;
    try {
      const response = await fetch('/simulator/epay/pay/' + encodeURIComponent(tradeNo) + '/' + action,
        { method: 'POST' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const answer = await response.json();
      if (answer.status === 1) {
        show(true);
        window.location.assign(answer.redirect);
      } else {
        status.textContent = '支付已取消 The payment was declined. You can try again.';
        pay.disabled = false;
        decline.disabled = false;
      }
    } catch (e) {
      status.textContent = 'Could not reach the payment gateway. Please try again.';
      pay.disabled = false;
      decline.disabled = false;
    }
  }

  pay.addEventListener('click', () => settle('complete'));
  decline.addEventListener('click', () => settle('fail'));
  show(card.dataset.status === '1');
})();
