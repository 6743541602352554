// booklab doctor: diagnose a world, plan the articles' repair with every value filled in.

export { diagnose, FINDING_ORDER } from './diagnose.js';
export { planRepair, completeRepair } from './plan-repair.js';
export type {
  Finding,
  FindingCode,
  DocumentRef,
  BookingRef,
  NotSyncedReason,
  TestDocument,
  DiagnoseOptions,
  DoctorProblem,
  DoctorResult,
} from './finding.js';
export type { RepairPlan, Procedure, PlanStep, PlanAction, PlanValues, WrittenNumber, NumberCheck, IntegrationNote } from './plan.js';
export type { PlanOptions } from './plan-repair.js';
