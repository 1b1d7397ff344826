// Saves the draft on the server a few seconds after each change (the explicit button stays).
// A stale version (someone else saved in between) is reported and nothing is overwritten.
(function () {
  "use strict";
  var form = document.getElementById("application-form");
  if (!form || !window.fetch) return;
  var status = document.getElementById("autosave-status");
  var timer = null;
  var stopped = false;
  function save() {
    if (stopped) return Promise.resolve();
    timer = null;
    var data = new FormData(form);
    data.set("action", "save");
    // A name being typed in a picker is not sent: it is chosen in its list (referential.js).
    form.querySelectorAll("[data-referential-add]").forEach(function (input) {
      data.delete(input.name);
    });
    return fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      headers: { "X-Autosave": "1" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, code: response.status, body: body };
        });
      })
      .then(function (result) {
        if (result.ok) {
          form.querySelector("input[name=version]").value = result.body.version;
          status.textContent = result.body.message;
        } else {
          if (result.code === 409) stopped = true;
          status.textContent = result.body.error;
          status.classList.add("fr-error-text");
        }
      })
      .catch(function () {});
  }
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 3000);
  }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  // A document is sent by its own form (the page reloads): the pending changes are saved first.
  document.querySelectorAll("form[data-attachment-form]").forEach(function (upload) {
    upload.addEventListener("submit", function (event) {
      if (timer === null) return;
      event.preventDefault();
      window.clearTimeout(timer);
      save().then(function () {
        upload.submit();
      });
    });
  });
})();
