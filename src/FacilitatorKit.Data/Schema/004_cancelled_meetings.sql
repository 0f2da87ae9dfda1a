-- Schema 4: a meeting cancelled before it started gives its session number back, so the (group, number) index
-- leaves cancelled meetings out. (SQLite cannot alter an index: it is dropped and made again.)
DROP INDEX "IX_Meetings_GroupId_Number";
CREATE UNIQUE INDEX "IX_Meetings_GroupId_Number" ON "Meetings" ("GroupId", "Number") WHERE "Phase" <> 'Cancelled';
