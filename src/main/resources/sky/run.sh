# skyresearch: runs one job's runner in the fresh folder its upload created (jobs/$SR_JOB under ~/sky_workdir).
# SkyPilot syncs workdirs without deleting, so earlier jobs' folders are removed first; this cluster runs one
# job at a time, so nothing else uses them.
set -u
jobs_root="$PWD/jobs"
if [ -d "$jobs_root" ]; then
  find "$jobs_root" -mindepth 1 -maxdepth 1 ! -name "$SR_JOB" -exec rm -rf {} +
fi
job="$jobs_root/$SR_JOB"
if [ ! -f "$job/skyresearch-runner.sh" ]; then
  echo "EXPERIMENT_ID: ${SR_EXPERIMENT_ID:-unknown}"
  echo "EXPERIMENT_STATUS: crash"
  echo "EXPERIMENT_ERROR: job folder $job is missing from the workdir upload"
  exit 0
fi
export SR_DIR_A="$job/A"
if [ -d "$job/B" ]; then export SR_DIR_B="$job/B"; fi
bash "$job/skyresearch-runner.sh"
code=$?
rm -rf "$job"
exit "$code"
