import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RegionDirectory } from './region-directory';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionDirectory) {}

  @Get('provinces')
  provinces() {
    return this.regions.provinces;
  }

  @Get('provinces/:code/regencies')
  regencies(@Param('code') code: string) {
    return this.regions.regenciesOf(code).map(({ code: c, name }) => ({ code: c, name }));
  }
}
