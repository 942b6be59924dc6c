// reportgen web: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Drag and drop onto the upload box; show the chosen file's name.
  document.querySelectorAll("[data-dropzone]").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    var drop = form.querySelector(".drop");
    var label = form.querySelector("[data-file-name]");
    if (!input || !drop) return;
    function show() {
      if (label) label.textContent = input.files.length ? "Đã chọn: " + input.files[0].name : "";
    }
    input.addEventListener("change", show);
    ["dragenter", "dragover"].forEach(function (ev) {
      drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      drop.addEventListener(ev, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        show();
      }
    });
  });

  // Ask before deleting.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) e.preventDefault();
    });
  });

  // Filters of the figures table: only units / columns with problems.
  document.querySelectorAll("[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      var table = document.querySelector(".figures-table");
      if (!table) return;
      if (box.getAttribute("data-filter") === "rows") {
        table.querySelectorAll("tbody tr").forEach(function (tr) {
          tr.classList.toggle("hidden-by-filter", box.checked && !tr.hasAttribute("data-flagged"));
        });
      } else {
        var keep = {};
        table.querySelectorAll("thead th[data-col]").forEach(function (th) {
          var col = th.getAttribute("data-col");
          keep[col] = th.hasAttribute("data-flagged");
          th.classList.toggle("hidden-by-filter", box.checked && !keep[col]);
        });
        table.querySelectorAll("td[data-col]").forEach(function (td) {
          td.classList.toggle("hidden-by-filter", box.checked && !keep[td.getAttribute("data-col")]);
        });
      }
    });
    if (box.hasAttribute("data-on")) {
      box.checked = true;
      box.dispatchEvent(new Event("change"));
    }
  });

  // A flagged cell leads to its finding; the finding's cells light up in the table.
  document.querySelectorAll("a.flag").forEach(function (a) {
    a.addEventListener("click", function () {
      var target = document.querySelector(a.getAttribute("href"));
      if (!target) return;
      document.querySelectorAll(".finding.hit, td.hit").forEach(function (el) { el.classList.remove("hit"); });
      target.classList.add("hit");
      a.parentElement.classList.add("hit");
      window.setTimeout(function () { target.focus({ preventScroll: true }); }, 0);
    });
  });

  // Batch progress: poll until done, then reload to show the downloads.
  var box = document.querySelector("[data-progress]");
  if (box) {
    var url = box.getAttribute("data-progress");
    var bar = box.querySelector("progress");
    var count = box.querySelector("[data-count]");
    var phase = box.querySelector("[data-phase]");
    var names = { cho: "Đang chờ", docx: "Đang sinh báo cáo .docx", pdf: "Đang chuyển sang PDF", zip: "Đang đóng gói tệp nén" };
    var tick = function () {
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (p) {
        if (p.finished) { window.location.reload(); return; }
        bar.max = p.total || 1;
        bar.value = p.done;
        count.textContent = p.done + " / " + (p.total || "?") + " báo cáo";
        phase.textContent = (names[p.phase] || p.phase) + "…";
        window.setTimeout(tick, 700);
      }).catch(function () { window.setTimeout(tick, 2000); });
    };
    window.setTimeout(tick, 400);
  }
})();
