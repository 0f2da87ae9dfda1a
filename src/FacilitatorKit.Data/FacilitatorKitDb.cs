using FacilitatorKit.Application.Access;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FacilitatorKit.Data;

/// <summary>
/// The store. Short-lived: one context per operation, from an <see cref="IDbContextFactory{TContext}"/>.
/// The schema comes from the hand-written scripts in Schema/ (SchemaMigrator); a test proves it matches this model.
/// </summary>
public sealed class FacilitatorKitDb(DbContextOptions<FacilitatorKitDb> options) : DbContext(options)
{
    public DbSet<GroupRecord> Groups => Set<GroupRecord>();
    public DbSet<MemberRecord> Members => Set<MemberRecord>();
    public DbSet<FormatRecord> Formats => Set<FormatRecord>();
    public DbSet<MeetingRecord> Meetings => Set<MeetingRecord>();
    public DbSet<MeetingEventRecord> MeetingEvents => Set<MeetingEventRecord>();
    public DbSet<NoteRecord> Notes => Set<NoteRecord>();
    public DbSet<MeetingSummaryRecord> MeetingSummaries => Set<MeetingSummaryRecord>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();
    public DbSet<ChairHistoryRecord> ChairHistory => Set<ChairHistoryRecord>();
    public DbSet<FacilitatorAccountRecord> FacilitatorAccounts => Set<FacilitatorAccountRecord>();
    public DbSet<InviteRecord> Invites => Set<InviteRecord>();
    public DbSet<InvitedDeviceRecord> InvitedDevices => Set<InvitedDeviceRecord>();
    public DbSet<ParticipantNameRecord> ParticipantNames => Set<ParticipantNameRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no DateTimeOffset: store UTC instants as sortable integers (ticks and offset).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<GroupRecord>(g =>
        {
            g.ToTable("Groups");
            g.Property(x => x.Name).HasMaxLength(40);
            g.Property(x => x.Kind).HasMaxLength(16);
            g.Property(x => x.LastFormatName).HasMaxLength(40);
            g.Property(x => x.GroundRules).HasMaxLength(GroupSettingsValidator.MaxScriptLength);
            g.Property(x => x.Confidentiality).HasMaxLength(GroupSettingsValidator.MaxScriptLength);
            g.Property(x => x.Assumptions).HasMaxLength(GroupSettingsValidator.MaxScriptLength);
        });

        modelBuilder.Entity<MemberRecord>(m =>
        {
            m.ToTable("Members");
            m.Property(x => x.Name).HasMaxLength(40).UseCollation("NOCASE");
            m.HasIndex(x => new { x.GroupId, x.Name }).IsUnique();
            m.HasOne<GroupRecord>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<FormatRecord>(f =>
        {
            f.ToTable("Formats");
            f.Property(x => x.Name).HasMaxLength(40);
            f.HasIndex(x => x.Name).IsUnique();
        });

        modelBuilder.Entity<MeetingRecord>(m =>
        {
            m.ToTable("Meetings");
            m.Property(x => x.FormatName).HasMaxLength(40);
            m.Property(x => x.Phase).HasMaxLength(16);
            // A cancelled meeting gives its number back (schema 4).
            m.HasIndex(x => new { x.GroupId, x.Number }).IsUnique().HasFilter("\"Phase\" <> 'Cancelled'");
            m.HasOne<GroupRecord>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MeetingEventRecord>(e =>
        {
            e.ToTable("MeetingEvents");
            e.HasKey(x => new { x.MeetingId, x.Sequence });
            e.Property(x => x.Type).HasMaxLength(64);
            e.HasIndex(x => new { x.MeetingId, x.CommandId });
            e.HasOne<MeetingRecord>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<NoteRecord>(n =>
        {
            n.ToTable("Notes");
            n.HasKey(x => new { x.MeetingId, x.ItemNumber });
            n.Property(x => x.Version).IsConcurrencyToken();
            n.HasOne<MeetingRecord>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MeetingSummaryRecord>(m =>
        {
            m.ToTable("MeetingSummaries");
            m.HasKey(x => new { x.MeetingId, x.Version });
            m.HasOne<MeetingRecord>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AttendanceRecord>(a =>
        {
            a.ToTable("Attendance");
            a.HasKey(x => new { x.MeetingId, x.MemberId });
            a.HasOne<MeetingRecord>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<MemberRecord>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ChairHistoryRecord>(c =>
        {
            c.ToTable("ChairHistory");
            c.Property(x => x.Change).HasMaxLength(16);
            c.HasIndex(x => new { x.GroupId, x.At });
            c.HasOne<GroupRecord>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne<MemberRecord>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne<MeetingRecord>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        // Schema 9: who may do what (issue 12). An account of one group goes with it; invites and their devices go
        // with their meeting.
        modelBuilder.Entity<FacilitatorAccountRecord>(a =>
        {
            a.ToTable("FacilitatorAccounts");
            a.Property(x => x.Alias).HasMaxLength(40).UseCollation("NOCASE");
            a.HasIndex(x => x.Alias).IsUnique();
            a.HasOne<GroupRecord>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InviteRecord>(i =>
        {
            i.ToTable("Invites");
            i.Property(x => x.Role).HasMaxLength(16);
            i.HasIndex(x => x.TokenHash).IsUnique();
            i.HasOne<MeetingRecord>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InvitedDeviceRecord>(d =>
        {
            d.ToTable("InvitedDevices");
            d.Property(x => x.Kind).HasMaxLength(16);
            d.HasOne<InviteRecord>().WithMany().HasForeignKey(x => x.InviteId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ParticipantNameRecord>(n =>
        {
            n.ToTable("ParticipantNames");
            n.HasKey(x => new { x.MeetingId, x.ParticipantId });
            n.Property(x => x.Name).HasMaxLength(40);
            n.HasOne<MeetingRecord>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            n.HasOne<MemberRecord>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
