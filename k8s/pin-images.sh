#!/usr/bin/env bash
# Writes the digests of the images just pushed into the prod overlay, so production runs exactly those images.
# Run after `./mvnw -B package jib:build -pl <service> -am` (Jib records <module>/target/jib-image.digest):
#   k8s/pin-images.sh            # every service module with a recorded digest
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
overlay="$root/k8s/overlays/prod/kustomization.yaml"
pinned=0
for digest_file in "$root"/*-service/target/jib-image.digest; do
  [[ -f "$digest_file" ]] || continue
  module="$(basename "$(dirname "$(dirname "$digest_file")")")"
  digest="$(tr -d '[:space:]' < "$digest_file")"
  if [[ ! "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
    echo "pin-images: $digest_file does not hold a sha256 digest: '$digest'" >&2
    exit 1
  fi
  # The digest line follows the image's newName line in the overlay's images: list.
  awk -v image="chargen/$module" -v digest="$digest" '
    $0 ~ "- name: " image "$" { found = 1 }
    found && $1 == "digest:" { sub(/sha256:[0-9a-f]+/, digest); found = 0 }
    { print }' "$overlay" > "$overlay.tmp" && mv "$overlay.tmp" "$overlay"
  echo "pin-images: $module -> $digest"
  pinned=$((pinned + 1))
done
if ((pinned == 0)); then
  echo "pin-images: no <module>/target/jib-image.digest found; push first: ./mvnw -B package jib:build -pl <service> -am" >&2
  exit 1
fi
