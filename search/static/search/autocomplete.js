// Suggestions for the directory's search box: a small accessible combobox (ARIA 1.2 pattern).
// Without JavaScript, or if the suggestions cannot be fetched, the box is a plain search box.
const MIN_LENGTH = 2;

function setUp(container) {
  const input = container.querySelector("input");
  const url = container.dataset.suggestUrl;
  if (!input || !url) return;

  const list = document.createElement("ul");
  list.id = `${input.id}-suggestions`;
  list.className = "localoffer-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  container.appendChild(list);

  const status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  container.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  let active = -1;
  let timer = null;
  let controller = null;

  const options = () => Array.from(list.querySelectorAll("[role=option]"));

  function close() {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    const items = options();
    items.forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0 && items[index]) {
      input.setAttribute("aria-activedescendant", items[index].id);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(text) {
    input.value = text;
    close();
    input.focus();
  }

  function show(suggestions) {
    list.replaceChildren();
    suggestions.forEach((text, i) => {
      const item = document.createElement("li");
      item.id = `${list.id}-${i}`;
      item.className = "localoffer-suggestions__option";
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.textContent = text;
      item.addEventListener("mousedown", (event) => {
        event.preventDefault(); // keep focus in the box
        choose(text);
      });
      list.appendChild(item);
    });
    const count = suggestions.length;
    if (count) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = `${count} suggestion${count === 1 ? "" : "s"} available. Use the up and down arrows to choose one.`;
    } else {
      close();
      status.textContent = "";
    }
    active = -1;
  }

  async function fetchSuggestions() {
    const text = input.value.trim();
    if (text.length < MIN_LENGTH) {
      show([]);
      return;
    }
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(text)}`, {
        headers: { Accept: "application/json" },
        signal: controller.signal,
      });
      if (!response.ok) return;
      const data = await response.json();
      if (input.value.trim() === text) show(data.suggestions || []);
    } catch (error) {
      // Offline or aborted: the box keeps working without suggestions.
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 200);
  });

  input.addEventListener("keydown", (event) => {
    const items = options();
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      if (list.hidden) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      highlight((active + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length && !list.hidden) {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      choose(items[active].textContent);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", () => setTimeout(close, 100));
}

for (const container of document.querySelectorAll('[data-module="localoffer-autocomplete"]')) {
  setUp(container);
}
