#!/bin/sh
# Publishes a built site to an S3-style bucket (AWS S3, or any S3 API with --endpoint-url) with
# the cache headers a CDN in front of it should keep:
#   assets/ (files named with their content hash)  public, max-age=31536000, immutable
#   pages, feeds and everything else               public, max-age=300, must-revalidate
# Assets go first, so no page ever points at a stylesheet that is not there yet; pages removed
# from the site are deleted from the bucket, old assets are kept for pages still in caches.
# The host files (_headers, _redirects, .nojekyll) and the build's marker are not uploaded.
#
# Usage: deploy/s3-sync.sh SITE_DIR s3://BUCKET[/PREFIX] [extra aws s3 sync options...]
#   e.g. deploy/s3-sync.sh _site s3://news-archive/archive --endpoint-url https://s3.example.net
# For a site served under /archive/, sync into the bucket's archive/ prefix.
set -eu

if [ "$#" -lt 2 ]; then
  echo "usage: $0 SITE_DIR s3://BUCKET[/PREFIX] [aws s3 sync options...]" >&2
  exit 2
fi
site=$1
target=${2%/}
shift 2
if [ ! -f "$site/index.html" ]; then
  echo "$0: $site holds no built site (no index.html); run gazette build first" >&2
  exit 1
fi
case $target in
  s3://*) ;;
  *) echo "$0: the target must be an s3:// address, not $target" >&2; exit 2 ;;
esac

immutable="public, max-age=31536000, immutable"
short="public, max-age=300, must-revalidate"

aws s3 sync "$site" "$target" --only-show-errors \
  --exclude "*" --include "assets/*" \
  --cache-control "$immutable" "$@"

aws s3 sync "$site" "$target" --only-show-errors --delete \
  --exclude "assets/*" \
  --exclude "_headers" --exclude "_redirects" --exclude ".nojekyll" --exclude ".gazette-site.json" \
  --cache-control "$short" "$@"
