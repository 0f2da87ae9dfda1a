-- Schema 6: names out of the meeting log (issue 13 §4, "privacy that really deletes").
-- The log is append-only, so a name written into it could never be erased. From now on events refer to people by id,
-- and each person's name at a meeting lives here, written in the same transaction as the event that introduces them.
-- Deleting the member (MemberId) or the meeting deletes the row; the log then reads the person as "Removed member".
CREATE TABLE "ParticipantNames" (
    "MeetingId" TEXT NOT NULL,
    "ParticipantId" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "PK_ParticipantNames" PRIMARY KEY ("MeetingId", "ParticipantId"),
    CONSTRAINT "FK_ParticipantNames_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ParticipantNames_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ParticipantNames_MemberId" ON "ParticipantNames" ("MemberId");

-- Retention, per group: the notes of meetings held more than this many months ago are deleted daily. NULL is off,
-- the default: nothing is deleted until the group chooses a period. (Here rather than in a script of its own: it is
-- the same piece of work, and the numbers after 6 belong to other work under way.)
ALTER TABLE "Groups" ADD COLUMN "NotesRetentionMonths" INTEGER NULL;

-- The events already written still hold names (MeetingSetUp's participants, ParticipantAdded's participant). They are
-- moved into ParticipantNames and taken out of the JSON by a step in C# (SchemaMigrator.MoveNamesOutOfTheLog, which
-- edits the JSON with a JSON parser and keeps everything else as written). That is the one time an event is changed:
-- the append-only trigger (schema 3) is dropped for this one rewrite, inside this script's transaction, and made again
-- exactly as before, so no other change to an event can happen in between. After the rewrite the store checkpoints
-- the WAL and vacuums the file (secure_delete on), so the old copies of the names are gone from the disk too.
DROP TRIGGER "MeetingEvents_AppendOnly";
-- step: MoveNamesOutOfTheLog
CREATE TRIGGER "MeetingEvents_AppendOnly"
BEFORE UPDATE ON "MeetingEvents"
BEGIN
    SELECT RAISE(ABORT, 'The meeting log is append-only: events are never changed.');
END;
