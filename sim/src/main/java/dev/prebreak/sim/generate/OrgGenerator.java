package dev.prebreak.sim.generate;

import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.BusinessUnit;
import dev.prebreak.sim.org.ManagementUnit;
import dev.prebreak.sim.org.NewAgent;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.Shift;
import dev.prebreak.sim.org.SystemPresence;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Builds a realistic synthetic org from an {@link OrgSpec}, deterministically: the same spec gives the same
 * ids, shifts and initial presences. Each agent (and each agent-day) draws from its own random stream, so
 * changing one part of the spec does not reshuffle everything else.
 *
 * <p>Shape: 8-9 h shifts with two 15-minute breaks and a 30- or 60-minute meal, starts staggered in
 * 15-minute steps; about 10% of agents off on a given day, 10% on split shifts (two 4-hour shifts, one
 * break each), 7% on overnight shifts crossing midnight, 10% of regular shifts with a team huddle.
 * Odd-numbered business units use custom (GUID) codes for the second break, and 60-minute meals always use
 * a custom "Long Lunch" code, so clients must resolve codes by category rather than by id.
 */
public final class OrgGenerator {

    public static final String PRE_BREAK_LABEL = "Pre-Break";

    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines",
            "Jon", "Keira", "Luis", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor",
            "Wen", "Xavi", "Yara", "Zoe"};
    private static final String[] LAST = {"Abbott", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Haddad",
            "Ito", "Jensen", "Kowalski", "Larsen", "Mensah", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Silva",
            "Tanaka", "Umar", "Varga", "Weber", "Xu", "Yilmaz", "Zhang"};

    private OrgGenerator() {
    }

    public static Org generate(OrgSpec spec, Clock clock) {
        return new Run(spec, clock.instant()).build(clock);
    }

    /** One generation: the ids it mints and the org builder it fills. */
    private static final class Run {
        private final OrgSpec spec;
        private final Instant now;
        private final SplittableRandom structure;
        private final Org.Builder org = Org.builder();
        private final String divisionId;
        private final List<BusinessUnit> bus = new ArrayList<>();
        private final List<List<ManagementUnit>> musByBu = new ArrayList<>();
        private final List<Codes> codesByBu = new ArrayList<>();
        private String preBreakId;
        private String backofficeId;

        Run(OrgSpec spec, Instant now) {
            this.spec = spec;
            this.now = now;
            this.structure = new SplittableRandom(spec.seed());
            this.divisionId = uuid(structure);
        }

        Org build(Clock clock) {
            presences();
            for (int b = 0; b < spec.businessUnits(); b++) {
                businessUnit(b);
            }
            agents();
            return org.build(clock);
        }

        private void presences() {
            org.presence(PresenceDefinition.system(PresenceDefinition.AVAILABLE_ID, SystemPresence.AVAILABLE, "Available", divisionId));
            org.presence(PresenceDefinition.system(PresenceDefinition.AWAY_ID, SystemPresence.AWAY, "Away", divisionId));
            org.presence(PresenceDefinition.system(PresenceDefinition.BUSY_ID, SystemPresence.BUSY, "Busy", divisionId));
            org.presence(PresenceDefinition.system(PresenceDefinition.OFFLINE_ID, SystemPresence.OFFLINE, "Offline", divisionId));
            org.presence(PresenceDefinition.system(PresenceDefinition.ON_QUEUE_ID, SystemPresence.ON_QUEUE, "On Queue", divisionId));
            org.presence(PresenceDefinition.system(PresenceDefinition.MEAL_ID, SystemPresence.MEAL, "Meal", divisionId));
            org.presence(PresenceDefinition.system(PresenceDefinition.TRAINING_ID, SystemPresence.TRAINING, "Training", divisionId));
            org.presence(PresenceDefinition.system(PresenceDefinition.MEETING_ID, SystemPresence.MEETING, "Meeting", divisionId));
            org.presence(PresenceDefinition.system(PresenceDefinition.IDLE_ID, SystemPresence.IDLE, "Idle", divisionId));
            org.presence(PresenceDefinition.system(PresenceDefinition.BREAK_ID, SystemPresence.BREAK, "Break", divisionId));
            preBreakId = uuid(structure);
            org.presence(PresenceDefinition.custom(preBreakId, SystemPresence.BREAK, PRE_BREAK_LABEL, divisionId, false));
            backofficeId = uuid(structure);
            org.presence(PresenceDefinition.custom(backofficeId, SystemPresence.BUSY, "Back Office", divisionId, false));
            // A retired look-alike: clients must skip deactivated definitions when resolving by name.
            org.presence(PresenceDefinition.custom(uuid(structure), SystemPresence.AWAY, "Pre-Break (retired)",
                    divisionId, true));
        }

        private void businessUnit(int index) {
            ZoneId zone = spec.timeZones().get(index % spec.timeZones().size());
            String city = zone.getId().substring(zone.getId().lastIndexOf('/') + 1).replace('_', ' ');
            DayOfWeek startDay = index % 2 == 0 ? DayOfWeek.MONDAY : DayOfWeek.SUNDAY;
            BusinessUnit bu = new BusinessUnit(uuid(structure), "Contact Center " + (index + 1) + " " + city, zone,
                    startDay, divisionId);
            bus.add(bu);
            org.businessUnit(bu);
            Codes codes = new Codes(structure, index % 2 == 1);
            codesByBu.add(codes);
            org.activityCodes(bu.id(), codes.all);
            musByBu.add(new ArrayList<>());
        }

        private void agents() {
            int agents = spec.agents();
            int buCount = spec.businessUnits();
            int muCount = spec.managementUnitsPerBusinessUnit();
            List<List<List<String>>> members = new ArrayList<>();
            for (int b = 0; b < buCount; b++) {
                List<List<String>> perMu = new ArrayList<>();
                for (int m = 0; m < muCount; m++) {
                    perMu.add(new ArrayList<>());
                }
                members.add(perMu);
            }
            List<String> muIds = new ArrayList<>();
            for (int b = 0; b < buCount; b++) {
                for (int m = 0; m < muCount; m++) {
                    muIds.add(uuid(structure));
                }
            }
            for (int i = 0; i < agents; i++) {
                int b = (int) ((long) i * buCount / agents);
                int firstOfBu = (int) (((long) b * agents + buCount - 1) / buCount);
                int nextBu = (int) (((long) (b + 1) * agents + buCount - 1) / buCount);
                int inBu = Math.max(1, nextBu - firstOfBu);
                int m = (int) ((long) (i - firstOfBu) * muCount / inBu);
                agent(i, bus.get(b), codesByBu.get(b), muIds.get(b * muCount + m), members.get(b).get(m));
            }
            for (int b = 0; b < buCount; b++) {
                for (int m = 0; m < muCount; m++) {
                    ManagementUnit mu = new ManagementUnit(muIds.get(b * muCount + m),
                            "MU " + (b + 1) + "." + (m + 1), bus.get(b).id(), members.get(b).get(m));
                    org.managementUnit(mu);
                }
            }
        }

        private void agent(int index, BusinessUnit bu, Codes codes, String muId, List<String> muMembers) {
            SplittableRandom r = new SplittableRandom(mix(spec.seed() * 31 + index));
            String id = uuid(r);
            String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)] + " " + (index + 1);
            muMembers.add(id);
            List<Shift> shifts = new ArrayList<>();
            boolean workingToday = false;
            for (int d = -1; d <= 1; d++) {
                LocalDate day = spec.day().plusDays(d);
                SplittableRandom dayRandom = new SplittableRandom(mix(spec.seed() ^ mix(index * 1_000_003L + day.toEpochDay())));
                List<Shift> dayShifts = shiftsFor(dayRandom, day, bu, codes);
                shifts.addAll(dayShifts);
                if (d == 0) {
                    workingToday = !dayShifts.isEmpty();
                }
            }
            org.shifts(id, shifts);

            String presenceId;
            int roll = r.nextInt(100);
            if (!workingToday) {
                presenceId = PresenceDefinition.OFFLINE_ID;
            } else if (roll < 70) {
                presenceId = PresenceDefinition.ON_QUEUE_ID;
            } else if (roll < 78) {
                presenceId = PresenceDefinition.AVAILABLE_ID;
            } else if (roll < 84) {
                presenceId = PresenceDefinition.AWAY_ID;
            } else if (roll < 87) {
                presenceId = backofficeId;
            } else if (roll < 92) {
                presenceId = PresenceDefinition.BREAK_ID;
            } else if (roll < 95) {
                presenceId = PresenceDefinition.MEAL_ID;
            } else {
                presenceId = PresenceDefinition.OFFLINE_ID;
            }
            Instant modified = now.minusSeconds(60L + r.nextInt(3 * 3600));
            Instant interactionUntil = null;
            boolean onQueue = presenceId.equals(PresenceDefinition.ON_QUEUE_ID);
            // Routing mix: about half of On Queue agents are mid-interaction; a few agents who left the
            // queue are still finishing one (INTERACTING while not On Queue).
            if ((onQueue && r.nextInt(100) < 55) || (!onQueue && workingToday && r.nextInt(100) < 5)) {
                interactionUntil = now.plusSeconds(60L + r.nextInt(600));
            }
            org.agent(new NewAgent(id, name, bu.id(), muId, presenceId, modified, interactionUntil, r.nextLong()));
        }

        private List<Shift> shiftsFor(SplittableRandom r, LocalDate day, BusinessUnit bu, Codes codes) {
            int roll = r.nextInt(100);
            if (roll < 10) {
                return List.of();
            }
            ZoneId zone = bu.timeZone();
            LocalDate weekDate = day.with(TemporalAdjusters.previousOrSame(bu.startDayOfWeek()));
            String scheduleId = scheduleId(bu, weekDate);
            if (roll < 20) {
                Instant morning = at(day, LocalTime.of(7, 0).plusMinutes(15L * r.nextInt(9)), zone);
                Instant evening = at(day, LocalTime.of(16, 0).plusMinutes(15L * r.nextInt(9)), zone);
                return List.of(split(r, morning, codes, scheduleId, weekDate),
                        split(r, evening, codes, scheduleId, weekDate));
            }
            LocalTime startTime = roll < 27
                    ? LocalTime.of(21, 0).plusMinutes(15L * r.nextInt(9))
                    : LocalTime.of(6, 0).plusMinutes(15L * r.nextInt(33));
            return List.of(regular(r, at(day, startTime, zone), codes, scheduleId, weekDate));
        }

        private Shift regular(SplittableRandom r, Instant start, Codes codes, String scheduleId, LocalDate weekDate) {
            int[] lengths = {480, 510, 540};
            int length = lengths[r.nextInt(lengths.length)];
            int meal = length == 540 ? 60 : 30;
            int firstBreak = 120 + 15 * r.nextInt(2);
            int mealAt = roundTo15(length / 2 - meal / 2) + 15 * (r.nextInt(3) - 1);
            int secondBreak = length - 120 - 15 * r.nextInt(2);
            List<Activity> nonWork = new ArrayList<>();
            if (r.nextInt(100) < 10) {
                nonWork.add(new Activity(start.plusSeconds(60L * 60), 15, codes.huddle.id(), "Team Huddle", true));
            }
            nonWork.add(new Activity(start.plusSeconds(60L * firstBreak), 15, codes.breakCode.id(), "Break", true));
            ActivityCode mealCode = meal == 60 ? codes.longLunch : codes.meal;
            nonWork.add(new Activity(start.plusSeconds(60L * mealAt), meal, mealCode.id(), mealCode.name(), false));
            nonWork.add(new Activity(start.plusSeconds(60L * secondBreak), 15, codes.secondBreak.id(),
                    codes.secondBreak.name(), true));
            return new Shift(uuid(r), start, length, Shift.tile(start, length, nonWork, codes.work.id()), false,
                    scheduleId, weekDate);
        }

        private Shift split(SplittableRandom r, Instant start, Codes codes, String scheduleId, LocalDate weekDate) {
            List<Activity> nonWork = List.of(new Activity(start.plusSeconds(60L * (105 + 15 * r.nextInt(3))), 15,
                    codes.breakCode.id(), "Break", true));
            return new Shift(uuid(r), start, 240, Shift.tile(start, 240, nonWork, codes.work.id()), false,
                    scheduleId, weekDate);
        }

        private String scheduleId(BusinessUnit bu, LocalDate weekDate) {
            long h = mix(bu.id().hashCode() * 0x9E3779B97F4A7C15L + weekDate.toEpochDay() + spec.seed());
            return uuid(h, mix(h));
        }
    }

    /** The activity codes of one business unit. */
    private static final class Codes {
        final List<ActivityCode> all = new ArrayList<>();
        final ActivityCode work;
        final ActivityCode breakCode;
        final ActivityCode meal;
        final ActivityCode secondBreak;
        final ActivityCode longLunch;
        final ActivityCode huddle;

        Codes(SplittableRandom r, boolean customSecondBreak) {
            work = defaults(ActivityCategory.OnQueueWork, "On Queue Work", 0, true, true, List.of());
            breakCode = defaults(ActivityCategory.Break, "Break", 15, true, false, List.of(PresenceDefinition.BREAK_ID));
            meal = defaults(ActivityCategory.Meal, "Meal", 30, false, false, List.of(PresenceDefinition.MEAL_ID));
            defaults(ActivityCategory.Meeting, "Meeting", 30, true, true, List.of(PresenceDefinition.MEETING_ID));
            defaults(ActivityCategory.OffQueueWork, "Off Queue Work", 30, true, true, List.of());
            defaults(ActivityCategory.TimeOff, "Time Off", 480, true, false, List.of());
            defaults(ActivityCategory.Training, "Training", 60, true, true, List.of(PresenceDefinition.TRAINING_ID));
            defaults(ActivityCategory.Unavailable, "Unavailable", 60, false, false, List.of());
            // No Unscheduled code (issue 11: real business units list none); Unscheduled stays a category.
            ActivityCode coffee = custom(r, "Coffee Break", ActivityCategory.Break, 15, true, false, true);
            longLunch = custom(r, "Long Lunch", ActivityCategory.Meal, 60, false, false, true);
            huddle = custom(r, "Team Huddle", ActivityCategory.Meeting, 15, true, true, true);
            custom(r, "Coaching", ActivityCategory.Training, 30, true, true, true);
            custom(r, "Old Break", ActivityCategory.Break, 10, true, false, false);
            secondBreak = customSecondBreak ? coffee : breakCode;
        }

        private ActivityCode defaults(ActivityCategory category, String name, int minutes, boolean paid, boolean work,
                                      List<String> presences) {
            ActivityCode code = new ActivityCode(String.valueOf(category.ordinal()), name, true, true, category,
                    minutes, paid, work, presences);
            all.add(code);
            return code;
        }

        private ActivityCode custom(SplittableRandom r, String name, ActivityCategory category, int minutes,
                                    boolean paid, boolean work, boolean active) {
            ActivityCode code = new ActivityCode(uuid(r), name, active, false, category, minutes, paid, work, List.of());
            all.add(code);
            return code;
        }
    }

    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static int roundTo15(int minutes) {
        return Math.round(minutes / 15f) * 15;
    }

    static String uuid(SplittableRandom r) {
        return uuid(r.nextLong(), r.nextLong());
    }

    private static String uuid(long hi, long lo) {
        // Version 4, IETF variant, like the GUIDs Genesys hands out.
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
