/**
 * Every `marsad` command, one file each. Adding a command means adding its file and one entry here.
 */
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

export type RegisterCommand = (program: Command, io: CliIo) => void;

export const commandRegistry: RegisterCommand[] = [];
