#!/usr/bin/env bash
# Run by `npm test` (as its pretest step): makes sure the system programs the test suite drives
# are present — Debian's chromium (end-to-end tests and PDF briefings), poppler-utils (pdftotext,
# pdftoppm: PDF pages rendered for OCR), tesseract-ocr with its Arabic data tesseract-ocr-ara (OCR
# of scanned PDFs), PostgreSQL (the server-store tests) and gcc (the C reference of the benchmark).
# As root it installs what is missing with apt-get; otherwise it says what to install.
set -euo pipefail
need=()
command -v "${MARSAD_CHROMIUM:-chromium}" >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v gcc >/dev/null 2>&1 || need+=(gcc)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -qx ara || need+=(tesseract-ocr-ara)
if [ -z "${MARSAD_TEST_DATABASE_URL:-}" ] && ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  need+=(postgresql)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test prerequisites: installing ${need[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "test prerequisites missing: ${need[*]} — install them (Debian: sudo apt-get install ${need[*]})" >&2
  exit 1
fi
