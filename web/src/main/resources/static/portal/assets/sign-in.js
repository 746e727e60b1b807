// Client sign-in: the gateway is the only token issuer. The email goes to POST /auth/client/code, which mails a
// six-digit code (the same answer for every address); the code goes to POST /auth/client/token, which answers with
// the session cookie (and joins this browser's cookie-banner choices to the person's consent ledger). This page only
// moves on to the portal.
(function () {
  var form = document.getElementById('sign-in');
  var emailStep = document.getElementById('email-step');
  var codeStep = document.getElementById('code-step');
  var button = document.getElementById('sign-in-button');
  var message = document.getElementById('sign-in-message');
  var status = document.getElementById('sign-in-status');
  var codeSent = false;

  function say(element, text) {
    element.textContent = text;
    element.hidden = !text;
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { ok: response.ok, status: response.status, json: json };
        });
      });
  }

  function refused(result) {
    if (result.status === 429) {
      say(message, 'Too many tries. Wait a few minutes and try again.');
    } else if (result.status === 401) {
      say(message, 'That code was not right, or it has expired. Check the latest email from us, or ask for a new code.');
    } else {
      say(message, result.json.detail || 'That was not accepted. Check it and try again.');
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    say(message, '');
    var email = document.getElementById('email').value.trim();
    if (!codeSent) {
      post('/auth/client/code', { email: email }).then(function (result) {
        if (!result.ok) { refused(result); return; }
        codeSent = true;
        emailStep.hidden = true;
        codeStep.hidden = false;
        button.textContent = 'Sign in';
        say(status, 'If ' + email + ' can receive email, a six-digit code is on its way. It works for 15 minutes.');
        document.getElementById('code').focus();
      }).catch(function () { say(message, 'The clinic\'s system is not answering. Try again shortly.'); });
      return;
    }
    post('/auth/client/token', { email: email, code: document.getElementById('code').value.trim() })
      .then(function (result) {
        if (result.ok) { window.location.assign('/portal'); } else { refused(result); }
      }).catch(function () { say(message, 'The clinic\'s system is not answering. Try again shortly.'); });
  });

  document.getElementById('new-code').addEventListener('click', function () {
    codeSent = false;
    emailStep.hidden = false;
    codeStep.hidden = true;
    button.textContent = 'Email me a code';
    say(status, '');
    document.getElementById('email').focus();
  });
})();
