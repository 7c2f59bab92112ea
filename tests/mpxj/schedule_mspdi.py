"""Read MSPDI files with MPXJ's MSPDI reader and report every task's dates four ways, as JSON:

{file: {"written": [task, ...], "scheduled": [...], "mpx": [...], "pmxml": [...], "planner": [...]}}

- written: the dates as the file states them (summary tasks and milestones included);
- scheduled: the dates MPXJ's Microsoft Project scheduler (an independent implementation)
  computes after the file's dates are forgotten;
- mpx, pmxml, planner: the project as read, written by MPXJ's MPX, Primavera PMXML and
  GNOME Planner writers into a temporary folder and read back by MPXJ's readers of those formats.

A task is {uid, name, permitflow_id, start, finish, milestone, summary}; the permitflow id comes
from the MSPDI file's notes (matched by unique id for the converted files, whose notes may be
dropped). Resources and assignments are counted per file as {"resources": n, "assignments": n}.

Usage: python3 schedule_mspdi.py FILE.xml [FILE.xml ...]
Needs: pip install mpxj jpype1, and Java 11+.
"""

import json
import os
import sys
import tempfile

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()

from java.io import FileInputStream  # noqa: E402
from org.mpxj.cpm import MicrosoftScheduler  # noqa: E402
from org.mpxj.mspdi import MSPDIReader  # noqa: E402
from org.mpxj.reader import UniversalProjectReader  # noqa: E402
from org.mpxj.writer import FileFormat, UniversalProjectWriter  # noqa: E402


def read(path):
    # MPXJ's auto-detecting reader skips files under 512 bytes; the MSPDI reader does not.
    return MSPDIReader().read(FileInputStream(path))


def tasks_of(project, ids=None):
    out = []
    for task in project.getTasks():
        if task.getUniqueID() is None or task.getName() is None:
            continue
        uid = int(task.getUniqueID())
        notes = str(task.getNotes() or "")
        pid = notes.split(";")[0].replace("permitflow id: ", "") if notes else ""
        if ids is not None:
            pid = ids.get(uid, "")
        out.append(
            {
                "uid": uid,
                "name": str(task.getName()),
                "permitflow_id": pid,
                "start": str(task.getStart()),
                "finish": str(task.getFinish()),
                "milestone": bool(task.getMilestone()),
                "summary": bool(task.getSummary()),
            }
        )
    return out


def convert(project, fmt, folder, ids):
    path = os.path.join(folder, "converted." + fmt.lower())
    try:
        UniversalProjectWriter(getattr(FileFormat, fmt)).write(project, path)
        back = UniversalProjectReader().read(path)
    except Exception as e:
        raise RuntimeError(f"{fmt}: {e}") from e
    if back is None:
        raise RuntimeError(f"MPXJ could not read back its own {fmt} file")
    return tasks_of(back, ids)


def check(path):
    written = read(path)
    written_tasks = tasks_of(written)
    ids = {t["uid"]: t["permitflow_id"] for t in written_tasks}
    result = {
        "written": written_tasks,
        "resources": sum(1 for r in written.getResources() if r.getName() is not None),
        "assignments": written.getResourceAssignments().size(),
    }
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("MPX", "PMXML", "PLANNER"):
            result[fmt.lower()] = convert(written, fmt, folder, ids)
    project = read(path)
    start = project.getProjectProperties().getStartDate()
    # Forget the dates permitflow wrote, so they come from MPXJ's scheduler alone.
    for task in project.getTasks():
        if not task.getSummary():
            task.setStart(None)
            task.setFinish(None)
    MicrosoftScheduler().schedule(project, start)
    result["scheduled"] = [t for t in tasks_of(project) if not t["summary"]]
    return result


if __name__ == "__main__":
    json.dump({p: check(p) for p in sys.argv[1:]}, sys.stdout, ensure_ascii=False, indent=1)
