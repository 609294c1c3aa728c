"use strict";
/**
 * Stands in for the `archiver` package in the synth bundle (scripts/synth/run.cjs). cdktf loads it,
 * with its glob, stream and zip dependencies (half a megabyte of the bundle, tens of milliseconds of
 * every synth's start-up), only to zip a TerraformAsset of type ARCHIVE, which this app never creates.
 */
module.exports = function archiver() {
  throw new Error(
    "TerraformAsset archives are not available in the synth bundle (scripts/synth/run.cjs leaves out archiver); " +
      "run main.ts with tsx, or remove the alias in scripts/synth/run.cjs",
  );
};
