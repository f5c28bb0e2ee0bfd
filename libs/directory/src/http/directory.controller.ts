import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorOf, AuthenticatedUser, CurrentUser, Roles } from '@tl/auth';
import { RegisterAgencyCommand } from '../commands/register-agency/register-agency.command';
import { RegisterOfficialCommand } from '../commands/register-official/register-official.command';
import { RegisterProgramCommand } from '../commands/register-program/register-program.command';
import { DirectoryReader } from '../directory.reader';
import { CreateAgencyDto, CreateOfficialDto, CreateProgramDto, ListOfficialsQuery } from './directory.dto';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(private readonly commands: CommandBus, private readonly reader: DirectoryReader) {}

  @Roles('secretariat')
  @Post('agencies')
  async createAgency(@Body() body: CreateAgencyDto, @CurrentUser() user: AuthenticatedUser) {
    return this.reader.agencyView(await this.commands.execute(new RegisterAgencyCommand(body, actorOf(user))));
  }

  @Get('agencies')
  agencies() {
    return this.reader.agencies();
  }

  @Get('agencies/:id')
  agency(@Param('id', uuid) id: string) {
    return this.reader.agency(id);
  }

  @Roles('secretariat')
  @Post('officials')
  async createOfficial(@Body() body: CreateOfficialDto, @CurrentUser() user: AuthenticatedUser) {
    const official = await this.commands.execute(new RegisterOfficialCommand(body, actorOf(user)));
    return this.reader.official(official.id);
  }

  @Get('officials')
  officials(@Query() query: ListOfficialsQuery) {
    return this.reader.officials(query);
  }

  @Get('officials/:id')
  official(@Param('id', uuid) id: string) {
    return this.reader.official(id);
  }

  @Roles('secretariat')
  @Post('programs')
  createProgram(@Body() body: CreateProgramDto, @CurrentUser() user: AuthenticatedUser) {
    return this.commands.execute(new RegisterProgramCommand(body, actorOf(user)));
  }

  @Get('programs')
  programs() {
    return this.reader.programs();
  }

  @Get('programs/:id')
  program(@Param('id', uuid) id: string) {
    return this.reader.program(id);
  }
}
