// Bộ lọc bảng nhiệm vụ ở trang tổng quan. Trang dùng được đầy đủ khi không có JavaScript;
// tệp này chỉ hiện ô lọc và ẩn các dòng không khớp. Dùng được bằng bàn phím (ô chọn, ô gõ).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("loc");
  var table = document.getElementById("bang-nhiem-vu");
  if (!form || !table) { return; }
  var status = document.getElementById("loc-tinh-trang");
  var text = document.getElementById("loc-chu");
  var out = document.getElementById("loc-ket-qua");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  var texts = rows.map(function (r) { return fold(r.textContent); });
  function apply() {
    var want = status.value;
    var words = fold(text.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok = (!want || r.getAttribute("data-status") === want) &&
        words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    out.textContent = "Đang hiện " + shown + "/" + rows.length + " nhiệm vụ.";
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  status.addEventListener("change", apply);
  text.addEventListener("input", apply);
  form.hidden = false;
  apply();
});
