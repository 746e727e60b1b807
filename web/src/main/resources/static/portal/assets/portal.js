// htmx requests that change something carry the double-submit token the gateway and the pages check: the value of
// the XSRF-TOKEN cookie (readable by our own origin only) in the X-XSRF-TOKEN header.
document.addEventListener('htmx:configRequest', function (event) {
  var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  if (match && event.detail.verb !== 'get') {
    event.detail.headers['X-XSRF-TOKEN'] = decodeURIComponent(match[1]);
  }
});
