import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegisterAgencyHandler } from './commands/register-agency/register-agency.handler';
import { RegisterOfficialHandler } from './commands/register-official/register-official.handler';
import { RegisterProgramHandler } from './commands/register-program/register-program.handler';
import { DirectoryReader } from './directory.reader';
import { DirectoryController } from './http/directory.controller';
import { AgencyEntity } from './persistence/agency.entity';
import { OfficialEntity } from './persistence/official.entity';
import { ProgramEntity } from './persistence/program.entity';
import { RegionDirectory } from './regions/region-directory';
import { RegionsController } from './regions/regions.controller';

/** Regions, agencies, officials and programs: who and where. */
@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity, OfficialEntity, ProgramEntity])],
  controllers: [RegionsController, DirectoryController],
  providers: [RegionDirectory, DirectoryReader, RegisterAgencyHandler, RegisterOfficialHandler, RegisterProgramHandler],
  exports: [RegionDirectory, DirectoryReader],
})
export class DirectoryModule {}
