(function () {
  const card = document.querySelector('[data-session-id]');
  const sessionId = card.dataset.sessionId;
  const status = document.getElementById('status');
  const buttons = [document.getElementById('pay'), document.getElementById('pay-async'), document.getElementById('decline')];

  function enable(on) {
    buttons.forEach(b => { b.disabled = !on; });
  }

  function show(session) {
    status.dataset.status = session.status;
    status.dataset.paymentStatus = session.payment_status;
    status.textContent = session.status === 'expired' ? 'This Checkout Session has expired.'
      : session.status === 'complete' ? 'This payment is complete. You can return to the shop.' : '';
    enable(session.status === 'open');
  }

  async function post(path) {
    enable(false);
    try {
      const response = await fetch('/simulator/stripe/pay/' + encodeURIComponent(sessionId) + path, { method: 'POST' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const answer = await response.json();
      if (answer.redirect) {
        show(answer);
        window.location.assign(answer.redirect);
      } else if (answer.declined) {
        status.textContent = 'Your card was declined. Try another payment method.';
        enable(answer.status === 'open');
      }
    } catch (e) {
      status.textContent = 'Something went wrong. Please try again.';
      enable(true);
    }
  }

  buttons[0].addEventListener('click', () => post('/complete'));
  buttons[1].addEventListener('click', () => post('/complete?async=true'));
  buttons[2].addEventListener('click', () => post('/fail'));
  show({ status: card.dataset.status, payment_status: card.dataset.paymentStatus });
})();
