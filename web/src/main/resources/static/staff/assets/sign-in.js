// Staff sign-in: the gateway is the only token issuer. The password goes to POST /auth/login; a privacy officer or
// an administrator is then asked for the code from their authenticator (POST /auth/login/mfa). The gateway answers
// with the session cookie; this page only moves on to the dashboard. An officer or administrator without a second
// factor yet enrols first (POST /auth/mfa/enrolment with the password step's token): the setup key and the recovery
// codes are shown this once, and the first code from the app both confirms the enrolment and signs in.
(function () {
  var form = document.getElementById('sign-in');
  var codeStep = document.getElementById('code-step');
  var passwordStep = document.getElementById('password-step');
  var message = document.getElementById('sign-in-message');
  var mfaToken = null;

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
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

  function showEnrolment(result) {
    if (!result.ok) {
      say(result.json.detail || 'The second factor could not be set up. Sign in again.');
      return;
    }
    var uri = result.json.otpauthUri || '';
    var secret = (uri.match(/[?&]secret=([^&]+)/) || [])[1] || '';
    document.getElementById('enrol-secret').textContent = secret.replace(/(.{4})/g, '$1 ').trim();
    document.getElementById('enrol-uri').textContent = uri;
    var list = document.getElementById('recovery-codes');
    list.textContent = '';
    (result.json.recoveryCodes || []).forEach(function (code) {
      var item = document.createElement('li');
      item.textContent = code;
      list.appendChild(item);
    });
    document.getElementById('enrol-step').hidden = false;
    codeStep.hidden = false;
    document.getElementById('code').focus();
  }

  function answered(result) {
    if (result.ok && result.json.mfaRequired && result.json.enrolmentRequired) {
      mfaToken = result.json.mfaToken;
      passwordStep.hidden = true;
      say('');
      post('/auth/mfa/enrolment', { mfaToken: mfaToken }).then(showEnrolment)
        .catch(function () { say('The clinic\'s system is not answering. Try again shortly.'); });
    } else if (result.ok && result.json.mfaRequired) {
      mfaToken = result.json.mfaToken;
      passwordStep.hidden = true;
      codeStep.hidden = false;
      document.getElementById('code').focus();
      say('');
    } else if (result.ok) {
      window.location.assign('/staff');
    } else if (result.status === 429) {
      say('Too many attempts from this address. Wait a minute and try again.');
    } else {
      say(result.json.detail || 'Those details were not accepted. Check them and try again.');
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    say('');
    var request = mfaToken
      ? post('/auth/login/mfa', { mfaToken: mfaToken, code: document.getElementById('code').value.trim() })
      : post('/auth/login', { username: document.getElementById('username').value.trim(),
                              password: document.getElementById('password').value });
    request.then(answered).catch(function () { say('The clinic\'s system is not answering. Try again shortly.'); });
  });
})();
