"""Read MSPDI files with MPXJ's MSPDI reader, schedule them with MPXJ's Microsoft Project
scheduler (an independent implementation), and print every task's start and finish as JSON:
{file: [task, ...]}.

Usage: python3 schedule_mspdi.py FILE.xml [FILE.xml ...]
Needs: pip install mpxj jpype1, and Java 11+.
"""

import json
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()

from java.io import FileInputStream  # noqa: E402
from org.mpxj.cpm import MicrosoftScheduler  # noqa: E402
from org.mpxj.mspdi import MSPDIReader  # noqa: E402


def schedule(path):
    # MPXJ's auto-detecting reader skips files under 512 bytes; the MSPDI reader does not.
    project = MSPDIReader().read(FileInputStream(path))
    start = project.getProjectProperties().getStartDate()
    # Forget the dates permitflow wrote, so they come from MPXJ's scheduler alone.
    for task in project.getTasks():
        if not task.getSummary():
            task.setStart(None)
            task.setFinish(None)
    MicrosoftScheduler().schedule(project, start)
    tasks = []
    for task in project.getTasks():
        if task.getUniqueID() is None or task.getSummary() or task.getName() is None:
            continue
        notes = str(task.getNotes() or "")
        tasks.append(
            {
                "uid": int(task.getUniqueID()),
                "name": str(task.getName()),
                "permitflow_id": notes.split(";")[0].replace("permitflow id: ", "") if notes else "",
                "start": str(task.getStart()),
                "finish": str(task.getFinish()),
                "milestone": bool(task.getMilestone()),
            }
        )
    return tasks


if __name__ == "__main__":
    json.dump({p: schedule(p) for p in sys.argv[1:]}, sys.stdout, ensure_ascii=False, indent=1)
