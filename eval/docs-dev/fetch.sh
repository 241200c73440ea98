#!/usr/bin/env bash
# Builds the docs-dev fixture corpus from Debian's Korean help packages, at run time:
# nothing from the packages is committed (data/ is git-ignored).
#
#   eval/docs-dev/fetch.sh [--dest DIR] [--force]
#
# - Installs libreoffice-help-ko and gimp-help-ko with apt-get when missing (root only; otherwise
#   says why and goes on with what is installed).
# - Copies the Korean HTML pages of LibreOffice's simpress, sdraw, smath, sbasic and schart help
#   folders to DIR/libreoffice/<folder>/… and GIMP's Korean pages to DIR/gimp/…, keeping relative
#   paths so article ids (the path without its extension) stay stable across runs and machines.
# - Idempotent: a stamp (DIR/.fetched, skipped by the corpus reader as a dotfile) records the
#   package versions and the file count; a re-run with the same versions and files is a no-op.
#   --force copies again.
#
# Exit status: 0 when at least one package's pages are in place, 1 when none could be.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$ROOT/data/eval/corpora/docs-dev"
FORCE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dest) DEST="$2"; shift 2 ;;
    --force) FORCE=1; shift ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "알 수 없는 옵션: $1 (--dest DIR, --force)" >&2; exit 2 ;;
  esac
done

LO_PACKAGE=libreoffice-help-ko
GIMP_PACKAGE=gimp-help-ko
LO_FOLDERS=(simpress sdraw smath sbasic schart)

installed_version() {
  dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null | awk '$3 == "installed" { print $4 }'
}

APT_UPDATED=0
ensure_package() {
  local package="$1"
  [[ -n "$(installed_version "$package")" ]] && return 0
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "건너뜀: $package 가 설치되어 있지 않고, root가 아니라서 apt-get으로 설치할 수 없습니다 (sudo로 다시 실행하세요)." >&2
    return 1
  fi
  if ! command -v apt-get >/dev/null; then
    echo "건너뜀: $package 가 없고 apt-get도 없습니다 (Debian/Ubuntu에서만 설치할 수 있습니다)." >&2
    return 1
  fi
  if [[ "$APT_UPDATED" -eq 0 ]]; then
    echo "apt-get update …"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || echo "경고: apt-get update 실패, 기존 목록으로 설치를 시도합니다." >&2
    APT_UPDATED=1
  fi
  echo "설치: $package"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >/dev/null; then
    echo "건너뜀: $package 설치 실패 (apt-get install)." >&2
    return 1
  fi
}

# Prints the .html files a package installed under a directory ending in $2 (e.g. /help/ko/text/simpress),
# one absolute path a line; the directory itself is found from `dpkg -L`, not assumed.
package_html_under() {
  local package="$1" suffix="$2"
  dpkg -L "$package" | grep -E "${suffix}/.*\.html$" || true
}

# Copies the listed files (stdin, absolute paths) below $1 into $2, keeping paths relative to $1.
copy_relative() {
  local base="$1" target="$2" file count=0
  while IFS= read -r file; do
    [[ -f "$file" ]] || continue
    local relative="${file#"$base"/}"
    mkdir -p "$target/$(dirname "$relative")"
    cp -p "$file" "$target/$relative"
    count=$((count + 1))
  done
  echo "$count"
}

# Copies the files listed in $LIST (below $2) to $DEST/$1 unless its stamp already records the
# same package version and file count; $3 names the package and version for the stamp and messages.
sync_part() {
  local part="$1" base="$2" package_version="$3"
  local target="$DEST/$part" count
  count="$(wc -l <"$LIST")"
  local stamp_text="$package_version $count"
  if [[ "$FORCE" -eq 0 && -f "$target/.fetched" && "$(cat "$target/.fetched")" == "$stamp_text" ]]; then
    echo "이미 있음: $target (${count}쪽, $package_version)"
    return 0
  fi
  rm -rf "$target" && mkdir -p "$target"
  local copied
  copied="$(copy_relative "$base" "$target" <"$LIST")"
  echo "$stamp_text" >"$target/.fetched"
  echo "복사함: $target (${copied}쪽, $package_version)"
}

LIST="$(mktemp)"
trap 'rm -f "$LIST"' EXIT
DONE=0

if ensure_package "$LO_PACKAGE"; then
  version="$(installed_version "$LO_PACKAGE")"
  # The Korean help root is the directory that holds text/simpress, wherever the package puts it.
  # (awk reads the whole listing: `head` would close the pipe early and pipefail would stop the script.)
  text_dir="$(dpkg -L "$LO_PACKAGE" | awk '/\/help\/ko\/text\/simpress$/ && !found { sub(/\/simpress$/, ""); print; found = 1 }')"
  if [[ -z "$text_dir" ]]; then
    echo "건너뜀: $LO_PACKAGE 에서 help/ko/text/simpress 폴더를 찾지 못했습니다." >&2
  else
    : >"$LIST"
    for folder in "${LO_FOLDERS[@]}"; do package_html_under "$LO_PACKAGE" "$text_dir/$folder" >>"$LIST"; done
    sync_part libreoffice "$text_dir" "$LO_PACKAGE $version"
    for folder in "${LO_FOLDERS[@]}"; do
      printf '  %-8s %s쪽\n' "$folder" "$(find "$DEST/libreoffice/$folder" -name '*.html' 2>/dev/null | wc -l)"
    done
    DONE=$((DONE + 1))
  fi
fi

if ensure_package "$GIMP_PACKAGE"; then
  version="$(installed_version "$GIMP_PACKAGE")"
  # The Korean pages sit directly in …/help/ko/*.html (images below it are not copied).
  help_dir="$(dpkg -L "$GIMP_PACKAGE" | awk '/\/help\/ko\/[^\/]+\.html$/ && !found { sub(/\/[^\/]+$/, ""); print; found = 1 }')"
  if [[ -z "$help_dir" ]]; then
    echo "건너뜀: $GIMP_PACKAGE 에서 help/ko 의 HTML 쪽을 찾지 못했습니다." >&2
  else
    dpkg -L "$GIMP_PACKAGE" | grep -E "^${help_dir}/[^/]+\.html$" >"$LIST" || true
    sync_part gimp "$help_dir" "$GIMP_PACKAGE $version"
    DONE=$((DONE + 1))
  fi
fi

if [[ "$DONE" -eq 0 ]]; then
  echo "docs-dev 코퍼스를 만들지 못했습니다: 두 패키지 모두 쓸 수 없습니다." >&2
  exit 1
fi
echo "docs-dev 코퍼스: $DEST"
