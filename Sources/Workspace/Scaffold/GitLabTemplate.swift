/// The GitLab CI file `qrops init` writes (docs/git.md, "CI").
enum GitLabTemplate {
    static let pipeline = """
        # qrops on GitLab: lint and diff merge requests, build the default branch, and rebuild from a
        # pipeline schedule (CI/CD > Schedules, e.g. hourly) once the last build's manifest says a
        # lifecycle transition is due.
        stages: [check, build]

        variables:
          QROPS_VERSION: v\(ScaffoldInfo.qropsVersion)
          GIT_DEPTH: "0"  # qrops diff and lint --base read the target branch from git

        .qrops:
          image: swift:6.0-bookworm
          cache:
            - key: qrops-$QROPS_VERSION
              paths: [.qrops-bin/]
          before_script:
            - apt-get update -q && apt-get install -y -q --no-install-recommends libyaml-dev zlib1g-dev git jq
            - |
              if [ ! -x .qrops-bin/qrops ]; then
                git clone --quiet --depth 1 --branch "$QROPS_VERSION" https://github.com/qrops/qrops /tmp/qrops-src
                swift build -c release --static-swift-stdlib --package-path /tmp/qrops-src --product qrops
                mkdir -p .qrops-bin
                cp "$(swift build -c release --package-path /tmp/qrops-src --show-bin-path)/qrops" .qrops-bin/
              fi
            - export PATH="$PWD/.qrops-bin:$PATH"

        lint:
          extends: .qrops
          stage: check
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
          script:
            - git fetch --quiet origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
            - qrops lint --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"

        diff:
          extends: .qrops
          stage: check
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
          script:
            - git fetch --quiet origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
            - qrops diff --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format json > qrops-diff.json || test $? -eq 1
            - qrops diff --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format markdown > qrops-diff.md
          artifacts:
            when: always
            expose_as: qrops diff
            paths: [qrops-diff.md, qrops-diff.json]

        build:
          extends: .qrops
          stage: build
          rules:
            - if: $CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            - if: $CI_PIPELINE_SOURCE == "schedule"
          cache:
            - key: qrops-$QROPS_VERSION
              paths: [.qrops-bin/]
            - key: qrops-manifest
              paths: [.qrops-last/]
          script:
            - |
              if [ "$CI_PIPELINE_SOURCE" = schedule ] && [ -f .qrops-last/manifest.json ]; then
                next=$(jq -r '."next-transition" // empty' .qrops-last/manifest.json)
                if [ -z "$next" ] || [ "$(date -u +%s)" -lt "$(date -u -d "$next" +%s)" ]; then
                  echo "no lifecycle transition is due"; exit 0
                fi
              fi
            - qrops build
            - mkdir -p .qrops-last && cp build/manifest.json .qrops-last/manifest.json
          artifacts:
            paths: [build/]
            expire_in: 30 days

        """
}
