#!/usr/bin/env bash
# Cài những gì cần để chuyển báo cáo sang PDF (reportgen pdf, reportgen render --pdf):
#   - LibreOffice Writer không giao diện (libreoffice-writer-nogui), và Calc (libreoffice-calc-nogui)
#     để các bài kiểm thử tạo bảng tính .xls, .ods như văn thư có;
#   - cầu nối UNO để reportgen điều khiển LibreOffice (python3-uno, dùng với /usr/bin/python3);
#   - poppler-utils (pdftoppm, pdffonts, pdftotext: xem và kiểm tra PDF);
#   - phông Liberation Serif 2.x (fonts-liberation2): cùng kích thước chữ với Times New Roman
#     và có đủ mọi chữ tiếng Việt (ả ẩ ư ơ ạ ặ ễ ỹ Đ…). Bản 1.07 (fonts-liberation) thiếu các chữ
#     này, LibreOffice phải mượn phông khác và trang PDF lẫn hai kiểu chữ.
# Debian/Ubuntu; cần quyền root (hoặc sudo). Chạy lại bao nhiêu lần cũng được.
# Cuối cùng script kiểm tra lại mọi thứ và thoát 1 nếu còn thiếu.
set -euo pipefail

PACKAGES=(libreoffice-writer-nogui libreoffice-calc-nogui python3-uno poppler-utils fonts-liberation2 fontconfig)
# every Vietnamese letter with its marks: ơ ư Ơ Ư đ Đ, and the whole block ạ…ỹ
VIETNAMESE="1a0-1a1 1af-1b0 110-111 1ea0-1ef9 c0-c3 c8-ca cc-cd d2-d5 d9-da dd e0-e3 e8-ea ec-ed f2-f5 f9-fa fd 103 102 129 128 169 168"

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  echo "Đang cài: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
fi

# --- check what was installed --------------------------------------------------------------
ok=1
fail() { echo "THIẾU: $*" >&2; ok=0; }

command -v soffice >/dev/null || fail "LibreOffice (lệnh soffice)"
/usr/bin/python3 -c "import uno" 2>/dev/null || fail "cầu nối UNO (/usr/bin/python3 không nhập được uno; gói python3-uno)"
command -v pdftoppm >/dev/null && command -v pdffonts >/dev/null || fail "poppler-utils (pdftoppm, pdffonts)"

styles=$(fc-list ":family=Liberation Serif:charset=$VIETNAMESE" style | wc -l)
[ "$styles" -ge 4 ] || fail "phông Liberation Serif đủ chữ tiếng Việt (có $styles/4 kiểu: thường, đậm, nghiêng, đậm nghiêng)"
times=$(fc-match -f '%{family[0]}|%{file}' "Times New Roman")
case "$times" in
  "Liberation Serif|"*) ;;
  *) fail "phông thay cho Times New Roman là ${times%%|*}, không phải Liberation Serif" ;;
esac
if dpkg-query -W -f='${Status}' fonts-liberation 2>/dev/null | grep -q "install ok installed"; then
  case "$times" in
    *liberation2*) ;;
    *) fail "máy đang dùng Liberation 1.x (thiếu chữ tiếng Việt) thay cho 2.x: gỡ gói fonts-liberation (apt-get remove fonts-liberation) rồi chạy lại script" ;;
  esac
fi

if [ "$ok" -eq 1 ]; then
  echo "Đã có đủ: $(soffice --version 2>/dev/null | head -n1), python3-uno, poppler-utils, Liberation Serif ${times#*|}."
else
  exit 1
fi
