#!/usr/bin/env python3
"""Generate a synthetic, valid qrops repository for the lint benchmark.

Writes OUT/codes/ (N codes in F files, each file a `defaults:` + `codes:` list, under
folder-level _defaults.yaml files) and OUT/policies/ (owners, domains, use cases, ...
consistent with those codes), in the format of docs/repository-format.md.

The output is deterministic for a given --seed, --codes and --files: same arguments, same
bytes. Only the standard library is used.

    python3 Benchmarks/lint/gen-portfolio.py --codes 100000 --out Benchmarks/out/portfolio-100k
"""

import argparse
import datetime as dt
import os
import random
import shutil
import sys

MARKER = ".qrops-bench-portfolio"

BUSINESS_UNITS = {
    # key: (id prefix, products)
    "retail": ("RET", ["coffee-x1", "kettle-k2", "pasta-sauce", "olive-oil", "granola", "cookware-set",
                       "knife-block", "tea-tin", "spice-rack", "lunch-box"]),
    "consumer-electronics": ("CEL", ["soundbar-s5", "earbuds-e2", "speaker-m3", "tv-q7", "router-r1",
                                     "camera-c4", "watch-w2", "tablet-t8", "charger-p65", "headset-h9"]),
    "beverages": ("BEV", ["lime-fizz", "green-tea", "cold-brew", "orange-juice", "tonic-water",
                          "hoppy-lager", "pale-ale", "stout", "red-wine", "cider"]),
    "healthcare": ("HLT", ["glucose-meter-g2", "thermometer-t1", "bp-monitor-b3", "test-strips",
                           "pulse-oximeter", "nebulizer-n1", "hearing-aid-a2", "insulin-pen-i1"]),
    "finance-services": ("FIN", ["card-offer", "savings-plus", "mortgage-fix", "travel-card",
                                 "student-card", "pension-plan", "car-loan", "home-insurance"]),
    "home-appliances": ("HOM", ["dishwasher-dw7", "washer-wm9", "oven-ov3", "fridge-f5", "dryer-d2",
                                "vacuum-v6", "hob-h4", "microwave-m1", "air-purifier-a3"]),
    "personal-care": ("PCA", ["shampoo-aqua", "razor-r5", "toothbrush-t3", "sunscreen-50", "hair-dryer-h2",
                              "body-lotion", "deodorant-fresh", "face-serum"]),
    "toys": ("TOY", ["robot-kit", "puzzle-1000", "train-set", "doll-house", "science-lab", "rc-car",
                     "board-game", "building-blocks"]),
}
ALCOHOL_PRODUCTS = {"hoppy-lager", "pale-ale", "stout", "red-wine", "cider"}

REGIONS = {
    # key: (id region, fallback path, [(language, countries)])
    "eu": ("EU", "eu", [("de", ["DE", "AT", "CH"]), ("fr", ["FR", "BE", "CH"]), ("it", ["IT"]),
                        ("es", ["ES"]), ("nl", ["NL", "BE"])]),
    "na": ("NA", "us", [("es", ["US", "MX"]), ("fr", ["CA"])]),
    "apac": ("APAC", "apac", [("ja", ["JP"]), ("ko", ["KR"]), ("zh", ["CN", "TW", "HK", "SG"])]),
    "latam": ("LA", "latam", [("es", ["MX", "AR", "CO", "CL"]), ("pt", ["BR"])]),
}

# use case: (name segment, weight, uses UTM, label it requires, max lifespan in days, launch range)
CHANNELS = {
    "packaging": ("packaging", 34, True, "print-run", 3650),
    "retail-display": ("display", 14, True, "store-format", 540),
    "direct-mail": ("direct-mail", 12, True, "mail-drop", 365),
    "events": ("event", 8, True, "event", 180),
    "field-service": ("field-service", 12, False, "asset-class", 3650),
    "warranty-registration": ("warranty", 10, False, None, 3650),
    "product-authentication": ("authentication", 10, False, "product-line", 3650),
}
ASSETS = {
    "packaging": ["quick-start", "setup", "recipes", "recycling", "ingredients", "manual"],
    "retail-display": ["endcap", "shelf-talker", "window-cling", "counter-card", "floor-sticker"],
    "direct-mail": ["letter", "postcard", "catalog", "brochure"],
    "events": ["booth-poster", "demo-tent", "badge", "banner", "flyer"],
    "field-service": ["service-label", "rating-plate", "door-label"],
    "warranty-registration": ["registration-card", "box-insert"],
    "product-authentication": ["hologram-seal", "carton-seal", "tamper-label"],
}
EVENTS = ["ces", "ifa", "mwc", "computex", "expo-west", "anuga", "medica", "money-expo", "toy-fair"]
STORE_FORMATS = ["hypermarket", "supermarket", "convenience", "department-store", "online-pickup"]
ASSET_CLASSES = ["appliance", "installation", "vehicle", "kiosk", "vending-machine"]
STATUSES = [("active", 920), ("paused", 30), ("draft", 20), ("retired", 20), ("archived", 10)]

EPOCH = dt.date(2026, 11, 21)          # "today" for the generated portfolio
EXPECT_AT = "T12:00:00Z"
OWNER_REGIONS = list(REGIONS)


def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def slug_suffix(n):
    """`n` in base 31 over digits and letters that no one misreads in print: no 0/o, 1/l, i."""
    digits = "23456789abcdefghjkmnpqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, len(digits))
        out = digits[r] + out
        if n == 0:
            return out


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    pick = rng.randrange(total)
    for value, weight in pairs:
        if pick < weight:
            return value
        pick -= weight
    return pairs[-1][0]


def add_months(day, months):
    year, month = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + year, month + 1, min(day.day, 28))


def compliance_for(bu, product):
    if bu == "beverages" and product in ALCOHOL_PRODUCTS:
        return "alcohol"
    if bu == "healthcare":
        return "healthcare"
    if bu == "finance-services":
        return "financial-promotion"
    return "general"


def app_routes_allowed(compliance):
    return compliance in ("general", "healthcare")


class FilePlan:
    """What one generated file holds: one business unit, region, channel and campaign."""

    def __init__(self, rng, index):
        self.index = index
        self.bu = list(BUSINESS_UNITS)[index % len(BUSINESS_UNITS)]
        self.region = OWNER_REGIONS[(index // len(BUSINESS_UNITS)) % len(REGIONS)]
        self.channel = weighted(rng, [(c, spec[1]) for c, spec in CHANNELS.items()])
        if self.bu == "finance-services" and self.channel in ("packaging", "field-service"):
            self.channel = "direct-mail"
        self.product = rng.choice(BUSINESS_UNITS[self.bu][1])
        self.compliance = compliance_for(self.bu, self.product)
        self.domain = "go.acme.example" if self.channel == "direct-mail" else "qr.acme.example"
        year = 2027 if self.channel in ("events", "direct-mail") else 2026
        if self.channel == "events":
            self.campaign = f"{rng.choice(EVENTS)}-{year}"
        else:
            self.campaign = self.product
        self.launch, self.retire = self._window(rng)

    def _window(self, rng):
        max_days = CHANNELS[self.channel][4]
        if self.channel == "events":
            launch = EPOCH + dt.timedelta(days=rng.randrange(20, 200))
            return launch, launch + dt.timedelta(days=rng.randrange(60, max_days - 5))
        if self.channel == "direct-mail":
            launch = EPOCH + dt.timedelta(days=rng.randrange(-60, 120))
            return launch, launch + dt.timedelta(days=rng.randrange(200, max_days - 5))
        if self.channel == "retail-display":
            launch = EPOCH - dt.timedelta(days=rng.randrange(0, 150))
            return launch, launch + dt.timedelta(days=rng.randrange(400, max_days - 10))
        launch = EPOCH - dt.timedelta(days=rng.randrange(30, 900))
        return launch, add_months(launch, rng.randrange(60, 118))

    @property
    def path(self):
        return os.path.join("codes", self.bu, self.region, self.channel, f"{self.campaign}-{self.index:05d}.yaml")

    @property
    def site(self):
        return REGIONS[self.region][1]


def q(text):
    """A double-quoted YAML scalar (for values starting with YAML indicators such as @ or #)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_defaults(plan, rng, out):
    channel = plan.channel
    label = CHANNELS[channel][3]
    out.append("defaults:")
    out.append(f"  use: {channel}")
    if plan.compliance != "general":
        out.append(f"  compliance: {plan.compliance}")
    if plan.domain != "qr.acme.example":
        out.append(f"  domain: {plan.domain}")
    out.append(f"  launch: {plan.launch.isoformat()}")
    out.append(f"  retire: {plan.retire.isoformat()}")
    out.append("  labels:")
    out.append(f"    campaign: {plan.campaign}")
    if label == "print-run":
        out.append(f"    print-run: PR-{plan.launch.year}-{rng.randrange(1, 999):03d}")
    elif label == "store-format":
        out.append(f"    store-format: {rng.choice(STORE_FORMATS)}")
    elif label == "mail-drop":
        out.append(f"    mail-drop: MD-{plan.launch.year}-{plan.launch.month:02d}")
    elif label == "event":
        out.append(f"    event: {plan.campaign}")
    elif label == "asset-class":
        out.append(f"    asset-class: {rng.choice(ASSET_CLASSES)}")
    elif label == "product-line":
        out.append(f"    product-line: {plan.product}")
    if plan.compliance == "alcohol":
        out.append("    age-gate: enforced")
    elif plan.compliance == "healthcare":
        out.append(f"    regulatory-ref: K{rng.randrange(100000, 999999)}")
    elif plan.compliance == "financial-promotion":
        out.append(f"    disclosure-id: DISC-{plan.launch.year}-{rng.randrange(1, 9999):04d}")
    if CHANNELS[channel][2]:
        medium = {"packaging": "packaging", "retail-display": "display", "direct-mail": "direct-mail",
                  "events": "event"}[channel]
        out.append("  utm:")
        out.append("    source: qr")
        out.append(f"    medium: {medium}")
        out.append(f"    campaign: {plan.campaign}")
    if channel == "product-authentication":
        out.append("  forward-query: true")
    if channel in ("retail-display", "events"):
        out.append("  scan-distance: 1m")
        out.append("  artwork:")
        # 10:1 rule: the symbol without its quiet zone must be at least 100 mm.
        out.append("    size: 140mm")
        out.append("    formats: [svg, pdf]")
    elif channel in ("field-service", "product-authentication"):
        out.append("  artwork:")
        out.append("    ec: H")
        out.append("    size: 22mm")
        out.append("    formats: [svg, eps]")
    out.append(f"  fallback: https://www.acme.example/{plan.site}/{plan.bu}/{plan.product}")
    out.append("")
    out.append("codes:")


def target_for(plan, asset, n):
    site, bu, product = plan.site, plan.bu, plan.product
    if plan.channel == "product-authentication":
        return f"https://verify.acme.example/{site}/{product}"
    if plan.channel == "field-service":
        return f"https://service.acme.example/{site}/{product}/{asset}-{n}"
    if plan.channel == "warranty-registration":
        return f"https://www.acme.example/{site}/warranty/register/{product}"
    if plan.channel == "direct-mail":
        return f"https://www.acme.example/{site}/offers/{plan.campaign}/{asset}-{n}"
    return f"https://www.acme.example/{site}/{bu}/{product}/{asset}"


def write_code(plan, rng, number, ordinal, out):
    """Append one code (a list item) to `out`; returns the number of expectations written."""
    prefix = BUSINESS_UNITS[plan.bu][0]
    region_id = REGIONS[plan.region][0]
    status = weighted(rng, STATUSES)
    asset = rng.choice(ASSETS[plan.channel])
    channel_segment = CHANNELS[plan.channel][0]
    target = target_for(plan, asset, ordinal)
    short = plan.product.split("-")[0][:10]
    out.append(f"  - id: {prefix}-{region_id}-{number:07d}")
    out.append(f"    slug: {short}-{slug_suffix(number)}")
    out.append(f"    name: {plan.bu}_{plan.region}_{channel_segment}_{plan.campaign}_{asset}-{ordinal}_v{rng.randrange(1, 6)}")
    out.append(f"    status: {status}")
    out.append("    labels:")
    out.append(f"      sku: {q('SKU-' + str(rng.randrange(100000, 999999)))}")
    out.append(f"      gtin: {q('0' + str(rng.randrange(10 ** 12, 10 ** 13)))}")
    out.append(f"      cost-center: CC-{rng.randrange(1000, 9999)}")
    out.append(f"      artwork-ref: ART-{plan.launch.year}-{rng.randrange(1, 99999):05d}")
    if rng.random() < 0.4:
        out.append(f"      agency: {rng.choice(['inhouse', 'north-studio', 'brightline', 'kado'])}")
    if rng.random() < 0.3:
        out.append(f"      print-vendor: {rng.choice(['printhaus', 'labelco', 'inkwell', 'cartonex'])}")
    if rng.random() < 0.7:
        out.append(f"    tags: [{rng.choice(['evergreen', 'seasonal', 'pilot', 'reprint'])}, {asset}]")
    if rng.random() < 0.25:
        out.append(f"    launch: {(plan.launch + dt.timedelta(days=rng.randrange(1, 20))).isoformat()}")
    out.append(f"    target: {target}")
    if plan.channel in ("packaging", "retail-display", "direct-mail", "events"):
        out.append("    utm:")
        out.append(f"      content: {asset}-{ordinal}")
    expects = []
    write_routes(plan, rng, target, out, expects)
    if rng.random() < 0.3:
        out.append(f"    fallback: https://www.acme.example/{plan.site}/{plan.bu}/{plan.product}/{asset}")
    if rng.random() < 0.1:
        out.append("    artwork:")
        # Codes seen from a distance keep their large size; labels may vary.
        sizes = [150, 160, 180] if plan.channel in ("retail-display", "events") else [30, 35, 40]
        out.append(f"      size: {rng.choice(sizes)}mm")
    if rng.random() < 0.6:
        out.append(f"    change-reason: {rng.choice(CHANGE_REASONS)}")
    if status == "active" and expects and rng.random() < 0.3:
        out.append("    expect:")
        for when, want, *location in expects:
            out.append(f"      - when: {when}")
            out.append(f"        target: {want}")
            for exact in location:
                out.append(f"        location: {exact}")
        return len(expects)
    return 0


APPS = {"retail": "acme-home", "consumer-electronics": "acme-sound", "beverages": "acme-rewards",
        "healthcare": "acme-health", "finance-services": "acme-money", "home-appliances": "acme-home",
        "personal-care": "acme-care", "toys": "acme-play"}

CHANGE_REASONS = [
    "Re-point to the new support site after the CMS migration.",
    "Reprint with a larger code after scan tests in store.",
    "Add a route for the local-language page requested by the market team.",
    "Owner change after the team merge.",
    "Extend the campaign by agreement with the retailer.",
    "Fix the landing page path reported by customer service.",
]


def expect_at(plan):
    middle = plan.launch + (plan.retire - plan.launch) / 2
    return middle.isoformat() + EXPECT_AT


def write_routes(plan, rng, target, out, expects):
    """Routes for some codes; expectations (for channels without UTM) that the routing
    semantics make exact: first match wins, `when` keys ANDed, list items ORed."""
    at = expect_at(plan)
    channel = plan.channel
    if channel == "field-service":
        out.append("    routes:")
        out.append("      - when:")
        out.append("          query: {mode: technician}")
        out.append(f"        target: {target}/technician")
        expects.append((f"{{query: \"mode=technician\", at: {at}}}", f"{target}/technician"))
        expects.append((f"{{query: \"mode=owner\", at: {at}}}", target))
        return
    if channel == "product-authentication":
        serial = base36(rng.randrange(36 ** 5, 36 ** 6)).upper()
        # `target` is the destination as written; the forwarded query shows in `location`.
        expects.append((f"{{query: \"s={serial}\", at: {at}}}", target, f"{target}?s={serial}"))
        return
    if channel == "warranty-registration" or rng.random() < 0.6:
        language, countries = rng.choice(REGIONS[plan.region][2])
        local = target.replace(f"/{plan.site}/", f"/{language}/", 1)
        out.append("    routes:")
        if app_routes_allowed(plan.compliance) and channel in ("packaging", "warranty-registration") \
                and rng.random() < 0.5:
            app = APPS[plan.bu]
            out.append("      - when: {device: ios}")
            out.append(f"        target: https://apps.apple.com/app/{app}/id{rng.randrange(10 ** 9, 10 ** 10)}")
            out.append("      - when: {device: android}")
            out.append(f"        target: https://play.google.com/store/apps/details?id=example.acme.{app.split('-')[-1]}")
        out.append(f"      - when: {{language: {language}, country: [{', '.join(countries)}]}}")
        out.append(f"        target: {local}")
        if channel in ("retail-display", "events") and rng.random() < 0.1:
            out.append(f"      - when: {{country: [{countries[0]}]}}")
            out.append("        split:")
            out.append(f"          - {{weight: 50, target: {target}/a}}")
            out.append(f"          - {{weight: 50, target: {target}/b}}")
        if channel == "warranty-registration":
            expects.append((f"{{device: desktop, language: {language}, country: {countries[-1]}, at: {at}}}", local))
            expects.append((f"{{device: desktop, language: en, country: {countries[0]}, at: {at}}}", target))


def render_file(plan, rng, first_number, count):
    out = [f"# {plan.bu} / {plan.region} / {plan.channel}: {plan.campaign} ({count} codes, generated)"]
    write_defaults(plan, rng, out)
    expectations = 0
    for ordinal in range(count):
        if ordinal:
            out.append("")
        expectations += write_code(plan, rng, first_number + ordinal, ordinal + 1, out)
    return "\n".join(out) + "\n", expectations


POLICIES = {
    "domains.yaml": """\
# Short domains (generated benchmark portfolio).
version: 1

domains:
  qr.acme.example:
    fallback: https://www.acme.example/qr
    not-found: https://www.acme.example/qr/unknown
    case-sensitive-slugs: false
    country-header: CF-IPCountry
  go.acme.example:
    fallback: https://www.acme.example/offers
    not-found: https://www.acme.example/offers/unknown
    case-sensitive-slugs: false
    country-header: CF-IPCountry

default-domain: qr.acme.example

destinations:
  allowed: [www.acme.example, .acme.example, apps.apple.com, play.google.com]
""",
    "lifecycle.yaml": """\
# Use cases and lifecycle (generated benchmark portfolio).
version: 1

use-cases:
  packaging: {max-lifespan: 10y, required-labels: [business-unit, region, print-run]}
  retail-display: {max-lifespan: 18mo, required-labels: [business-unit, region, store-format]}
  direct-mail: {max-lifespan: 1y, required-labels: [business-unit, region, mail-drop]}
  events: {max-lifespan: 6mo, required-labels: [business-unit, region, event]}
  field-service: {max-lifespan: 10y, required-labels: [business-unit, region, asset-class]}
  warranty-registration: {max-lifespan: 10y, required-labels: [business-unit, region]}
  product-authentication: {max-lifespan: 10y, required-labels: [business-unit, region, product-line]}

lifecycle:
  retiring-soon: 30d
""",
    "compliance.yaml": """\
# Compliance categories (generated benchmark portfolio).
version: 1

compliance:
  general: {}
  alcohol:
    reviewers: ["@acme/legal"]
    required-labels: [age-gate]
    allowed-destinations: [.acme.example]
  healthcare:
    reviewers: ["@acme/regulatory"]
    required-labels: [regulatory-ref]
  financial-promotion:
    reviewers: ["@acme/legal"]
    required-labels: [disclosure-id]
    allowed-destinations: [.acme.example]
""",
    "naming.yaml": """\
# Naming (generated benchmark portfolio): ids take up to seven digits here.
version: 1

naming:
  name: '^[a-z0-9-]+(_[a-z0-9-]+){4}_v[0-9]+$'
  id: '^[A-Z]{3}-[A-Z]{2,4}-[0-9]{4,7}$'

reserved-slugs: [healthz, metrics, status, admin, api]
""",
    "rules.yaml": """\
# Artwork, rules, UTM and build targets (generated benchmark portfolio).
version: 1

artwork:
  ec: Q
  formats: [svg]
  quiet-zone: 4
  min-module: 0.33mm
  min-contrast: 4.5

rules:
  retiring-soon: warning

utm:
  required-for: [packaging, direct-mail, retail-display, events]

# The web servers only: the edge platforms' own limits do not hold 100,000 codes (CloudFront's
# key value store imports at most 5 MB, a build error; Cloudflare warns above 10,000 rows).
build:
  targets: [nginx, caddy, apache, haproxy]
""",
}


def owners_yaml():
    lines = ["# Owners (generated benchmark portfolio): one team per business unit and region.",
             "version: 1", "", "owners:"]
    for bu in BUSINESS_UNITS:
        for region in REGIONS:
            key = f"{bu}-{region}"
            lines += [f"  {key}:",
                      f"    name: {bu.replace('-', ' ').title()} {region.upper()}",
                      f"    contact: {key}@acme.example",
                      f"    reviewers: [\"@acme/{key}\"]",
                      "    active: true"]
    return "\n".join(lines) + "\n"


def folder_defaults():
    files = {os.path.join("codes", "_defaults.yaml"): """\
# Portfolio-wide defaults (generated benchmark portfolio).
domain: qr.acme.example
compliance: general
labels:
  managed-by: marketing-ops
artwork:
  ec: Q
  size: 25mm
  formats: [svg, pdf]
  foreground: "#111111"
  background: "#FFFFFF"
  quiet-zone: 4
"""}
    for bu in BUSINESS_UNITS:
        files[os.path.join("codes", bu, "_defaults.yaml")] = f"labels:\n  business-unit: {bu}\n"
        for region, (_, site, _) in REGIONS.items():
            files[os.path.join("codes", bu, region, "_defaults.yaml")] = (
                f"owner: {bu}-{region}\nlabels:\n  region: {region}\n"
                f"fallback: https://www.acme.example/{site}/{bu}\n")
    return files


def prepare(out_dir):
    if os.path.exists(out_dir) and os.listdir(out_dir):
        if not os.path.exists(os.path.join(out_dir, MARKER)):
            sys.exit(f"gen-portfolio: {out_dir} exists and was not made by this script; refusing to overwrite")
        for sub in ("codes", "policies"):
            shutil.rmtree(os.path.join(out_dir, sub), ignore_errors=True)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, MARKER), "w") as marker:
        marker.write("generated by Benchmarks/lint/gen-portfolio.py\n")


def write(out_dir, relative, text):
    path = os.path.join(out_dir, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="\n") as f:
        f.write(text)
    return len(text.encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--codes", type=int, default=100_000, help="number of codes (default 100000)")
    parser.add_argument("--files", type=int, help="number of code files (default: codes / 100)")
    parser.add_argument("--out", required=True, help="output directory (a repository root)")
    parser.add_argument("--seed", type=int, default=20261121, help="random seed (default 20261121)")
    args = parser.parse_args()
    files = args.files or max(1, args.codes // 100)
    if args.codes < 1 or files < 1 or files > args.codes:
        parser.error("need 1 <= --files <= --codes")
    if args.codes > 9_999_999:
        parser.error("at most 9,999,999 codes (ids have seven digits)")

    rng = random.Random(args.seed)
    prepare(args.out)
    total = 0
    for relative, text in sorted(folder_defaults().items()):
        total += write(args.out, relative, text)
    total += write(args.out, os.path.join("policies", "owners.yaml"), owners_yaml())
    for name, text in POLICIES.items():
        total += write(args.out, os.path.join("policies", name), text)

    per_file, extra = divmod(args.codes, files)
    number, expectations, code_bytes = 1, 0, 0
    for index in range(files):
        count = per_file + (1 if index < extra else 0)
        plan = FilePlan(rng, index)
        text, n_expect = render_file(plan, rng, number, count)
        code_bytes += write(args.out, plan.path, text)
        number += count
        expectations += n_expect
    total += code_bytes
    print(f"gen-portfolio: {args.codes} codes in {files} files, {expectations} expectations, "
          f"{total} bytes ({code_bytes / args.codes:.0f} bytes per code) in {args.out}")


if __name__ == "__main__":
    main()
