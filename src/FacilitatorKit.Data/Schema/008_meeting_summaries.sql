-- Schema 8: meeting summaries (issue 13 §1). Every save is a new row; a version is never changed. (MeetingId, Version)
-- is the key, so two saves on the same version cannot both be stored: the second is a conflict.
CREATE TABLE "MeetingSummaries" (
    "MeetingId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Content" TEXT NOT NULL,
    "SavedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_MeetingSummaries" PRIMARY KEY ("MeetingId", "Version"),
    CONSTRAINT "FK_MeetingSummaries_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);
