/*
 * Dr Alluris Aesthetics cookie banner. One tag on any page:
 *   <script src="https://GATEWAY/consent/banner.js" data-policy-version="2026-01" defer></script>
 * Tags that need consent are written inert and named by category; they run only once that category is accepted:
 *   <script type="text/plain" data-alluris-category="analytics" data-src="/js/analytics.js"></script>
 * Any element with data-alluris-cookie-settings re-opens the banner. No dependencies; see docs/cookie-banner.md.
 */
(function () {
  'use strict';
  var BANNER_VERSION = '2026-11-30';
  var VISITOR = 'alluris_visitor';
  var CHOICE = 'alluris_consent';
  var KEEP = 180 * 24 * 3600;
  var me = document.currentScript;
  var base = new URL(me.src, location.href).origin;
  var policyVersion = me.getAttribute('data-policy-version') || '2026-01';
  var policyUrl = me.getAttribute('data-policy-url') || base + '/privacy';
  var gpc = navigator.globalPrivacyControl === true;
  var root, settings, opener;

  function cookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : null;
  }
  function setCookie(name, value) {
    document.cookie = name + '=' + encodeURIComponent(value) + '; Max-Age=' + KEEP + '; Path=/; SameSite=Lax' +
      (location.protocol === 'https:' ? '; Secure' : '');
  }
  function visitorId() {
    var id = cookie(VISITOR);
    if (!/^[0-9a-f]{32}$/.test(id || '')) {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
      setCookie(VISITOR, id);
    }
    return id;
  }
  /* The stored choice: "analytics.advertising.bannerVersion" as 1/0; null until the visitor has chosen. */
  function stored() {
    var m = /^([01])\.([01])\.(.+)$/.exec(cookie(CHOICE) || '');
    return m ? { necessary: true, analytics: m[1] === '1', advertising: m[2] === '1' && !gpc, bannerVersion: m[3] }
      : null;
  }

  function activate(choice) {
    var tags = document.querySelectorAll('script[type="text/plain"][data-alluris-category]');
    Array.prototype.forEach.call(tags, function (tag) {
      if (!choice[tag.getAttribute('data-alluris-category')] || tag.hasAttribute('data-alluris-ran')) return;
      tag.setAttribute('data-alluris-ran', '');
      var live = document.createElement('script');
      Array.prototype.forEach.call(tag.attributes, function (a) {
        if (a.name !== 'type' && a.name !== 'data-src') live.setAttribute(a.name, a.value);
      });
      if (tag.getAttribute('data-src')) live.src = tag.getAttribute('data-src'); else live.text = tag.text;
      tag.parentNode.insertBefore(live, tag.nextSibling);
    });
  }

  function decide(analytics, advertising) {
    var choice = { necessary: true, analytics: !!analytics, advertising: !!advertising && !gpc,
      bannerVersion: BANNER_VERSION };
    setCookie(CHOICE, (choice.analytics ? '1' : '0') + '.' + (choice.advertising ? '1' : '0') + '.' + BANNER_VERSION);
    /* keepalive: the choice is recorded even when the visitor leaves the page at once; text/plain (the body is
       JSON all the same) keeps it a simple CORS request, which keepalive allows on any browser */
    fetch(base + '/api/consents/visitors/' + visitorId() + '/decisions', {
      method: 'POST', credentials: 'omit', keepalive: true, headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ categories: { necessary: true, analytics: choice.analytics,
        advertising: choice.advertising }, bannerVersion: BANNER_VERSION, policyVersion: policyVersion, gpc: gpc })
    }).catch(function () { /* the choice still holds in this browser; it is sent again at the next change */ });
    close();
    activate(choice);
    var event = new CustomEvent('alluris:consent', { detail: choice });
    window.dispatchEvent(event);
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }
  function button(label, id, onClick) {
    var b = el('button', { type: 'button', id: id, 'class': 'alluris-cb-button' }, label);
    b.addEventListener('click', onClick);
    return b;
  }
  function toggle(name, label, hint, checked, disabled) {
    var row = el('div', { 'class': 'alluris-cb-row' });
    var box = el('input', { type: 'checkbox', id: 'alluris-cb-' + name, name: name,
      'aria-describedby': 'alluris-cb-' + name + '-hint' });
    box.checked = checked;
    box.disabled = disabled;
    row.appendChild(box);
    row.appendChild(el('label', { 'for': 'alluris-cb-' + name }, label));
    row.appendChild(el('p', { id: 'alluris-cb-' + name + '-hint', 'class': 'alluris-cb-hint' }, hint));
    return row;
  }

  function build() {
    var now = stored() || { analytics: false, advertising: false };
    root = el('section', { id: 'alluris-cookie-banner', role: 'dialog', 'aria-modal': 'false',
      'aria-labelledby': 'alluris-cb-title', 'aria-describedby': 'alluris-cb-text', tabindex: '-1' });
    root.appendChild(el('h2', { id: 'alluris-cb-title' }, 'Cookies on this site'));
    var text = el('p', { id: 'alluris-cb-text' }, 'We use necessary cookies to make the site work. With your ' +
      'permission we also use analytics cookies to see how the site is used, and advertising cookies to measure ' +
      'our adverts. Nothing optional is set until you choose, and you can change your mind at any time. ');
    text.appendChild(el('a', { href: policyUrl }, 'Our privacy policy'));
    root.appendChild(text);
    if (gpc) {
      root.appendChild(el('p', { id: 'alluris-cb-gpc', 'class': 'alluris-cb-hint' }, 'Your browser sends Global ' +
        'Privacy Control, so advertising cookies stay off without asking.'));
    }
    var actions = el('div', { 'class': 'alluris-cb-actions' });
    actions.appendChild(button('Accept all', 'alluris-cb-accept', function () { decide(true, true); }));
    actions.appendChild(button('Reject all', 'alluris-cb-reject', function () { decide(false, false); }));
    var more = button('Settings', 'alluris-cb-settings', function () {
      settings.hidden = !settings.hidden;
      more.setAttribute('aria-expanded', String(!settings.hidden));
      if (!settings.hidden) settings.querySelector('input:not([disabled])').focus();
    });
    more.setAttribute('aria-expanded', 'false');
    more.setAttribute('aria-controls', 'alluris-cb-choices');
    actions.appendChild(more);
    root.appendChild(actions);
    settings = el('fieldset', { id: 'alluris-cb-choices' });
    settings.hidden = true;
    settings.appendChild(el('legend', {}, 'Choose which cookies we may use'));
    settings.appendChild(toggle('necessary', 'Necessary', 'Keep the site working and remember this choice. Always on.',
      true, true));
    settings.appendChild(toggle('analytics', 'Analytics', 'Count visits and see which pages help people.',
      now.analytics, false));
    settings.appendChild(toggle('advertising', 'Advertising', gpc ? 'Off: your browser asked us not to share data ' +
      'for advertising.' : 'Measure whether our adverts lead to bookings.', now.advertising && !gpc, gpc));
    settings.appendChild(button('Save my choices', 'alluris-cb-save', function () {
      decide(settings.querySelector('#alluris-cb-analytics').checked,
        settings.querySelector('#alluris-cb-advertising').checked);
    }));
    root.appendChild(settings);
    document.body.appendChild(root);
  }

  function open(event) {
    if (event) event.preventDefault();
    opener = document.activeElement;
    if (root) root.parentNode.removeChild(root);
    build();
    root.focus();
  }
  function close() {
    if (root) root.parentNode.removeChild(root);
    root = null;
    if (opener && opener.focus) opener.focus();
  }

  window.AllurisConsent = {
    /* The choice in force: {necessary, analytics, advertising, bannerVersion}, or null before the visitor chose. */
    get: function () { return stored(); },
    open: open,
    bannerVersion: BANNER_VERSION
  };

  function start() {
    var link = el('link', { rel: 'stylesheet', href: base + '/consent/banner.css' });
    document.head.appendChild(link);
    document.addEventListener('click', function (event) {
      var target = event.target.closest && event.target.closest('[data-alluris-cookie-settings]');
      if (target) open(event);
    });
    var choice = stored();
    if (choice && choice.bannerVersion === BANNER_VERSION) activate(choice); else open();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
}());
