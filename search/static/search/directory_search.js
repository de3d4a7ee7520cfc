// Shorter shareable addresses: leave empty fields out of the search URL. Without JavaScript the
// form submits every field, which gives the same results.
const form = document.getElementById("directory-search");
if (form) {
  form.addEventListener("submit", (event) => {
    const data = new FormData(form, event.submitter);
    const params = new URLSearchParams();
    for (const [name, value] of data) {
      if (typeof value === "string" && value.trim() !== "") params.append(name, value);
    }
    if (params.get("sort") === "relevance") params.delete("sort");
    event.preventDefault();
    const query = params.toString();
    window.location.assign(`${form.action}${query ? `?${query}` : ""}`);
  });
}
