/*
 * The pickers of the application form (foreign and French partner authorities) as accessible
 * comboboxes (WAI-ARIA 1.2 "list autocomplete"), over a plain text input.
 *
 * Progressive enhancement: without this script, the typed name (or SIREN) is looked up when the
 * draft is saved. With it, suggestions come from data-referential-url (JSON: {results: [{id,
 * label}], status}); choosing one adds a ticked box to the chosen list and empties the input.
 * Keys: ↓/↑ move through the suggestions, Enter chooses, Escape closes. No inline script or style.
 */
(function () {
  "use strict";

  var DELAY = 200;
  var MIN_LENGTH = 2;

  function setup(group) {
    var input = group.querySelector("input[data-referential-add]");
    var chosen = group.querySelector("[data-referential-chosen]");
    var url = group.getAttribute("data-referential-url");
    var name = group.getAttribute("data-referential-name");
    var form = input ? input.form : null;
    if (!input || !chosen || !url) return;

    var listId = input.id + "-suggestions";
    var wrapper = input.parentNode;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "portal-referential__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].firstChild.textContent.trim() : "");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "fr-sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var timer = null;
    var controller = null;
    var active = -1;
    var options = [];
    var results = [];

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(result) {
      var id = input.id.replace(/_add$/, "") + "_" + result.id;
      var existing = document.getElementById(id);
      if (existing) {
        existing.checked = true;
      } else {
        var item = document.createElement("li");
        var box = document.createElement("div");
        box.className = "fr-checkbox-group";
        var checkbox = document.createElement("input");
        checkbox.type = "checkbox";
        checkbox.name = name;
        checkbox.value = result.id;
        checkbox.id = id;
        checkbox.checked = true;
        var label = document.createElement("label");
        label.className = "fr-label";
        label.htmlFor = id;
        label.textContent = result.label;
        box.appendChild(checkbox);
        box.appendChild(label);
        item.appendChild(box);
        chosen.appendChild(item);
      }
      input.value = "";
      close();
      status.textContent = group.getAttribute("data-added-message") + " " + result.label;
      if (form) form.dispatchEvent(new Event("change", { bubbles: true }));  // the autosave
    }

    function render(data) {
      list.textContent = "";
      results = data.results || [];
      options = results.map(function (result, position) {
        var option = document.createElement("li");
        option.id = listId + "-" + position;
        option.className = "portal-referential__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = result.label;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the input
        });
        option.addEventListener("click", function () {
          choose(result);
        });
        list.appendChild(option);
        return option;
      });
      status.textContent = data.status || "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        render({ results: [], status: "" });
        return;
      }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) render(data);
        })
        .catch(function () {
          /* aborted or offline: the typed text is looked up on saving */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) {
          if (options.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          }
          return;
        }
        event.preventDefault();
        highlight(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (list.hidden) return;
        event.preventDefault();
        highlight(active - 1 < 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault(); // choose, do not submit the form
          choose(results[active]);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-referential-url]"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
