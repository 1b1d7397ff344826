// "New code" button of the intake forms' captcha (django-simple-captcha's refresh view): a new
// image, audio file and key, and the answer field emptied and focused. Without JavaScript the
// button stays hidden; sending the form with a wrong code also gives a new one.
(function () {
  document.querySelectorAll("[data-captcha-refresh]").forEach(function (button) {
    var box = button.closest(".intake-captcha");
    var group = box.parentElement;
    button.hidden = false;
    button.addEventListener("click", function () {
      fetch(button.dataset.captchaRefresh, { headers: { "X-Requested-With": "XMLHttpRequest" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          box.querySelector("img").src = data.image_url;
          var audio = box.querySelector("[data-captcha-audio]");
          if (audio && data.audio_url) { audio.href = data.audio_url; }
          var key = group.querySelector("input[type=hidden][name$='_0']");
          if (key) { key.value = data.key; }
          var answer = group.querySelector("input.fr-input");
          if (answer) { answer.value = ""; answer.focus(); }
          var status = box.querySelector("[data-captcha-status]");
          if (status) { status.textContent = button.dataset.captchaDone; }
        });
    });
  });
})();
