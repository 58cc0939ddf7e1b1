/// The GitHub Actions files `qrops init` writes (docs/git.md, "CI"). Values from events reach
/// scripts only through `env:`, never spliced into `run:` text (no script injection).
enum GitHubWorkflowTemplates {
    /// Builds qrops from source at a release tag (cached per tag), with the Swift toolchain of
    /// GitHub's Ubuntu runners, and puts it on PATH.
    static let setupAction = """
        # Builds qrops from source once per release tag (cached) and puts it on PATH.
        name: Set up qrops
        description: Build qrops from source (cached per release) and put it on PATH.
        inputs:
          version:
            description: The qrops release tag to build.
            default: v\(ScaffoldInfo.qropsVersion)
        runs:
          using: composite
          steps:
            - name: Install libyaml and zlib
              shell: bash
              run: sudo apt-get update -q && sudo apt-get install -y -q --no-install-recommends libyaml-dev zlib1g-dev
            - name: Restore qrops from the cache
              id: cache
              uses: actions/cache@v4
              with:
                path: ~/.local/qrops
                key: qrops-${{ inputs.version }}-${{ runner.os }}-${{ runner.arch }}
            - name: Build qrops
              if: steps.cache.outputs.cache-hit != 'true'
              shell: bash
              env:
                QROPS_VERSION: ${{ inputs.version }}
              run: |
                git clone --quiet --depth 1 --branch "$QROPS_VERSION" https://github.com/qrops/qrops "$RUNNER_TEMP/qrops-src"
                swift build -c release --static-swift-stdlib --package-path "$RUNNER_TEMP/qrops-src" --product qrops
                mkdir -p ~/.local/qrops/bin
                cp "$(swift build -c release --package-path "$RUNNER_TEMP/qrops-src" --show-bin-path)/qrops" ~/.local/qrops/bin/
            - name: Put qrops on PATH
              shell: bash
              run: echo "$HOME/.local/qrops/bin" >> "$GITHUB_PATH"

        """

    /// Pull requests: annotations on the changed lines, SARIF for code scanning, CODEOWNERS.
    static let lint = """
        # Lints every pull request: findings as annotations on the changed lines and as a SARIF
        # upload for code scanning, including the rules that compare with the base branch
        # (`qrops lint --base`); checks that .github/CODEOWNERS is up to date.
        name: qrops lint

        on:
          pull_request:

        permissions:
          contents: read
          security-events: write

        jobs:
          lint:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0  # the base rules read the base branch from git
              - uses: ./.github/actions/setup-qrops
              - name: Lint (SARIF)
                env:
                  BASE: origin/${{ github.base_ref }}
                run: qrops lint --format sarif --base "$BASE" > qrops.sarif || test $? -eq 1
              - name: Upload SARIF
                if: always()
                uses: github/codeql-action/upload-sarif@v3
                with:
                  sarif_file: qrops.sarif
                  category: qrops
              - name: Lint (annotations)
                env:
                  BASE: origin/${{ github.base_ref }}
                run: qrops lint --format github --base "$BASE"
              - name: CODEOWNERS is up to date
                if: always()
                run: qrops codeowners --check --format github

        """

    /// Pull requests: `qrops diff` as one comment, updated in place on every push.
    static let diff = """
        # Posts `qrops diff` as one pull-request comment (updated on every push): the changed codes
        # with before → after values and their risk. Fails when the base rules report errors.
        name: qrops diff

        on:
          pull_request:

        permissions:
          contents: read
          pull-requests: write

        jobs:
          diff:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0  # qrops diff reads the base branch from git
              - uses: ./.github/actions/setup-qrops
              - name: Diff against the base branch
                id: diff
                env:
                  BASE: origin/${{ github.base_ref }}
                run: |
                  status=0
                  qrops diff --base "$BASE" --format markdown > qrops-diff.md || status=$?
                  echo "status=$status" >> "$GITHUB_OUTPUT"
                  test "$status" -le 1
              - name: Post or update the comment
                env:
                  GH_TOKEN: ${{ github.token }}
                  PR: ${{ github.event.pull_request.number }}
                run: |
                  comment=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate \\
                    --jq '.[] | select(.body | startswith("<!-- qrops-diff -->")) | .id' | head -n 1)
                  if [ -n "$comment" ]; then
                    gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$comment" -F body=@qrops-diff.md > /dev/null
                  else
                    gh pr comment "$PR" --repo "$GITHUB_REPOSITORY" --body-file qrops-diff.md
                  fi
              - name: Fail on errors of the base rules
                env:
                  STATUS: ${{ steps.diff.outputs.status }}
                run: exit "$STATUS"

        """

    /// main: build and upload `build/`; hourly: rebuild once the manifest's next transition
    /// (a launch or retirement) has passed.
    static let build = """
        # Builds main and uploads build/. Every hour, rebuilds when the last build's manifest says a
        # lifecycle transition (a launch or a retirement) is due: `next-transition` has passed.
        name: qrops build

        on:
          push:
            branches: [main]
          schedule:
            - cron: "17 * * * *"
          workflow_dispatch:

        permissions:
          contents: read

        concurrency:
          group: qrops-build
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: ./.github/actions/setup-qrops
              - name: Restore the last manifest
                if: github.event_name == 'schedule'
                uses: actions/cache/restore@v4
                with:
                  path: .qrops-last/manifest.json
                  key: qrops-manifest-${{ github.run_id }}
                  restore-keys: qrops-manifest-
              - name: Is a transition due?
                id: due
                run: |
                  due=true
                  if [ "$GITHUB_EVENT_NAME" = schedule ] && [ -f .qrops-last/manifest.json ]; then
                    next=$(jq -r '."next-transition" // empty' .qrops-last/manifest.json)
                    if [ -z "$next" ] || [ "$(date -u +%s)" -lt "$(date -u -d "$next" +%s)" ]; then due=false; fi
                  fi
                  echo "due=$due" >> "$GITHUB_OUTPUT"
              - name: Build
                if: steps.due.outputs.due == 'true'
                run: qrops build
              - name: Remember the manifest
                if: steps.due.outputs.due == 'true'
                run: mkdir -p .qrops-last && cp build/manifest.json .qrops-last/manifest.json
              - name: Save the manifest
                if: steps.due.outputs.due == 'true'
                uses: actions/cache/save@v4
                with:
                  path: .qrops-last/manifest.json
                  key: qrops-manifest-${{ github.run_id }}
              - name: Upload build/
                if: steps.due.outputs.due == 'true'
                uses: actions/upload-artifact@v4
                with:
                  name: qrops-build
                  path: build/
                  retention-days: 30

        """
}

/// Facts the templates need.
enum ScaffoldInfo {
    /// The qrops release the generated CI builds; kept in step with `QropsVersion.current` by a test.
    static let qropsVersion = "0.1.0"
}
