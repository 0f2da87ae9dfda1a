-- Schema 3: the meeting log is append-only. Rows can be added, and removed with their meeting or group
-- (deleting a group must really remove its data), but an event once written is never changed.
CREATE TRIGGER "MeetingEvents_AppendOnly"
BEFORE UPDATE ON "MeetingEvents"
BEGIN
    SELECT RAISE(ABORT, 'The meeting log is append-only: events are never changed.');
END;
